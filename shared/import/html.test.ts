import { describe, expect, it } from 'vitest';
import { parseHtml, parseHtmlFragment, stripSiteSuffix } from './html.ts';
import { parseMarkdown } from './markdown.ts';

const page = (body: string, head = '<title>Un titre - Le Monde</title>'): string =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('HTML parsing', () => {
  it('reads the article: title, headings with levels, paragraphs, list items, blockquote paragraphs', () => {
    const blocks = parseHtml(
      page(`<article><h1>Le titre</h1><p>Premier <em>paragraphe</em> avec un <a href="#">lien</a>.</p>
        <h2>Intertitre</h2><ul><li>Un</li><li>Deux</li></ul><h4>Niveau quatre</h4>
        <blockquote><p>Citation un.</p><p>Citation deux.</p></blockquote><blockquote>Citation seule.</blockquote></article>`),
    );
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Le titre' },
      { kind: 'paragraph', text: 'Premier paragraphe avec un lien.' },
      { kind: 'heading', level: 2, text: 'Intertitre' },
      { kind: 'paragraph', text: 'Un' },
      { kind: 'paragraph', text: 'Deux' },
      { kind: 'heading', level: 4, text: 'Niveau quatre' },
      { kind: 'paragraph', text: 'Citation un.' },
      { kind: 'paragraph', text: 'Citation deux.' },
      { kind: 'paragraph', text: 'Citation seule.' },
    ]);
  });

  it('decodes entities, collapses HTML white space and keeps U+00A0 / U+202F exactly', () => {
    const blocks = parseHtml(page('<p>  «&nbsp;Il  a\n\tdit&#8239;»,\u00A0l&rsquo;agence &amp; co  </p>'));
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Un titre' },
      { kind: 'paragraph', text: '«\u00A0Il a dit\u202F»,\u00A0l’agence & co' },
    ]);
  });

  it('turns one <br> into a space and two or more into a paragraph break', () => {
    const blocks = parseHtmlFragment('<p>Ligne un<br>ligne deux<br/><br />Nouveau paragraphe<br>\n<br>Encore un</p>');
    expect(blocks.map((b) => b.text)).toEqual(['Ligne un ligne deux', 'Nouveau paragraphe', 'Encore un']);
  });

  it('drops scripts, styles, navigation, asides, forms, buttons, svg, iframes, templates and hidden elements', () => {
    const blocks = parseHtml(
      page(`<script>var a = "<p>non</p>";</script><style>p{}</style><noscript>Activez JS</noscript>
        <nav>Rubriques</nav><aside>Les plus lus</aside><form><label>Email</label><input></form><button>OK</button>
        <svg><text>logo</text></svg><iframe src="x"></iframe><template><p>modèle</p></template>
        <p hidden>caché</p><p aria-hidden="true">icône</p><p style="display: none">masqué</p><p style="visibility:hidden">invisible</p>
        <div role="navigation">Menu</div><div role="banner">Bandeau</div><div role="contentinfo">Pied</div><div role="complementary">À côté</div>
        <div id="cookie-consent"><p>Nous utilisons des cookies.</p></div>
        <header>En-tête du site</header><footer>Pied du site</footer>
        <p>Le seul texte.</p>`),
    );
    expect(blocks.map((b) => b.text)).toEqual(['Un titre', 'Le seul texte.']);
  });

  it('keeps the header and footer of the article itself', () => {
    const blocks = parseHtml(page('<header>Site</header><article><header><h1>Titre</h1><p>Par Jean Dupont</p></header><p>Corps.</p><footer><p>Le Monde avec AFP</p></footer></article>'));
    expect(blocks.map((b) => b.text)).toEqual(['Titre', 'Par Jean Dupont', 'Corps.', 'Le Monde avec AFP']);
  });

  it('prefers the <article> with the most text, and takes the page <h1> when the article has none', () => {
    const blocks = parseHtml(
      page(`<main><h1>Titre de la page</h1>
        <article><h3>Un autre article</h3><p>Court.</p></article>
        <article><p>Le long article commence ici, avec beaucoup plus de texte que le teaser.</p><p>Et continue.</p></article></main>`),
    );
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Titre de la page' },
      { kind: 'paragraph', text: 'Le long article commence ici, avec beaucoup plus de texte que le teaser.' },
      { kind: 'paragraph', text: 'Et continue.' },
    ]);
  });

  it('reads <main> when there is no <article>, and falls back to og:title then <title> minus the site suffix', () => {
    expect(parseHtml(page('<div>Hors main</div><main><p>Dans main.</p></main>'))).toEqual([
      { kind: 'title', level: 1, text: 'Un titre' },
      { kind: 'paragraph', text: 'Dans main.' },
    ]);
    expect(parseHtml(page('<p>Texte.</p>', '<title>X | Site</title><meta property="og:title" content="Titre OG">'))[0]?.text).toBe('Titre OG');
    expect(parseHtml(page('<p>Texte.</p>', '<title>Sécheresse : la crise de l’eau | La Gazette</title>'))[0]?.text).toBe('Sécheresse : la crise de l’eau');
    expect(parseHtml(page('<p>Texte.</p>', '<title></title>'))).toEqual([{ kind: 'paragraph', text: 'Texte.' }]);
  });

  it('strips site suffixes but not a dash inside a long title part', () => {
    expect(stripSiteSuffix('Cumberland : 25 arrestations - Le Monde')).toBe('Cumberland : 25 arrestations');
    expect(stripSiteSuffix('Titre | Rubrique | Site')).toBe('Titre');
    expect(stripSiteSuffix('Paris - Saint-Germain : le club annonce une nouvelle saison décevante')).toBe('Paris - Saint-Germain : le club annonce une nouvelle saison décevante');
  });

  it('keeps a later <h1> as a level-1 heading and reads loose text and captions', () => {
    const blocks = parseHtml('<body><h1>Titre</h1><div>Texte libre dans un div</div><figure><img alt="x"><figcaption>Légende photo</figcaption></figure><h1>Second</h1><p>Fin.</p></body>');
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Titre' },
      { kind: 'paragraph', text: 'Texte libre dans un div' },
      { kind: 'paragraph', text: 'Légende photo' },
      { kind: 'heading', level: 1, text: 'Second' },
      { kind: 'paragraph', text: 'Fin.' },
    ]);
  });

  it('survives malformed HTML', () => {
    expect(parseHtml('<p>Ouvert <b>sans fermer<p>Suivant</div></span>').map((b) => b.text)).toEqual(['Ouvert sans fermer', 'Suivant']);
  });
});

describe('Markdown parsing', () => {
  it('reads the first # heading as the title, keeps levels, strips inline markup', () => {
    const blocks = parseMarkdown(
      '# Le titre\n\nUn *paragraphe* avec un [lien](https://x.org) et du `code`,\nsur deux lignes.\n\n## Intertitre\n\n- Un\n- **Deux**\n\n1. Trois\n\n> Citation.\n\n```\nligne un\nligne deux\n```\n\n#### Quatre\n',
    );
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Le titre' },
      { kind: 'paragraph', text: 'Un paragraphe avec un lien et du code, sur deux lignes.' },
      { kind: 'heading', level: 2, text: 'Intertitre' },
      { kind: 'paragraph', text: 'Un' },
      { kind: 'paragraph', text: 'Deux' },
      { kind: 'paragraph', text: 'Trois' },
      { kind: 'paragraph', text: 'Citation.' },
      { kind: 'paragraph', text: 'ligne un ligne deux' },
      { kind: 'heading', level: 4, text: 'Quatre' },
    ]);
  });

  it('has no title when the first heading is not level 1, and a later # is a level-1 heading', () => {
    const blocks = parseMarkdown('## Section\n\nTexte.\n\n# Plus loin\n\nSuite.');
    expect(blocks.map((b) => [b.kind, b.level])).toEqual([['heading', 2], ['paragraph', undefined], ['heading', 1], ['paragraph', undefined]]);
  });

  it('takes a front-matter title when there is no # title, and decodes entities while keeping no-break spaces', () => {
    const blocks = parseMarkdown('---\ntitle: "Titre YAML"\n---\nIl a dit «\u00A0oui\u00A0» &amp; 25&nbsp;fois.\\*\n');
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Titre YAML' },
      { kind: 'paragraph', text: 'Il a dit «\u00A0oui\u00A0» & 25\u00A0fois.*' },
    ]);
  });

  it('reads raw HTML blocks and table cells', () => {
    const blocks = parseMarkdown('<div class="x"><p>Du HTML</p></div>\n\n| Ville | Pluie |\n|---|---|\n| Lyon | 12 mm |\n');
    expect(blocks.map((b) => b.text)).toEqual(['Du HTML', 'Ville', 'Pluie', 'Lyon', '12 mm']);
  });
});
