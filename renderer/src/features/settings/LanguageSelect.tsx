import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../../../shared/i18n/resources.ts';
import type { UiLanguage } from '../../../../shared/model.ts';

/** Interface language; each option is named in its own language. */
export function LanguageSelect({ value, onChange }: { value: UiLanguage; onChange(lang: UiLanguage): void }) {
  const { t } = useTranslation();
  return (
    <label className="field compact">
      <span className="field-label">{t('header.language')}</span>
      <select data-testid="language-select" value={value} onChange={(e) => onChange(e.target.value as UiLanguage)}>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>{t(`header.languages.${l}`)}</option>
        ))}
      </select>
    </label>
  );
}
