import { expect, type Locator } from '@playwright/test';
import type { Role } from '../../shared/model.ts';
import type { AppDriver } from '../harness/driver.ts';

/** The "who are you?" dialog shown on first start and by "Switch user". */
export class OnboardingDialog {
  constructor(private readonly app: AppDriver) {}

  get root(): Locator {
    return this.app.page.getByTestId('onboarding');
  }
  get nameInput(): Locator {
    return this.app.page.getByTestId('onboarding-name');
  }
  roleOption(role: Role): Locator {
    return this.app.page.getByTestId(`onboarding-role-${role}`);
  }
  get submit(): Locator {
    return this.app.page.getByTestId('onboarding-submit');
  }

  async expectShown(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  async expectNotShown(): Promise<void> {
    await expect(this.root).toHaveCount(0);
  }

  /** Fills in the name, picks the role and confirms; the dialog closes. */
  async signInAs(name: string, role: Role): Promise<void> {
    // A user answers once the window has finished loading (the app opens the sample behind the dialog).
    await expect(this.app.page.getByTestId('app')).toHaveAttribute('data-phase', 'ready');
    await this.expectShown();
    await this.nameInput.fill(name);
    await this.roleOption(role).check();
    await this.submit.click();
    await expect(this.root).toBeHidden();
  }
}
