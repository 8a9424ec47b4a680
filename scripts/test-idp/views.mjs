// HTML pages of the test identity provider: plain, accessible German pages without
// scripts or external resources. Every page says that this is a test provider.

export const TITLE = 'Test-Anmeldedienst – nur für Entwicklung und Tests';

/** Security headers for every page this provider renders itself. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
};

const STYLE = `
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; background: #f4f4f4; color: #1a1a1a; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid #ccc; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  .warning { border: 3px solid #b00020; background: #fff0f0; padding: 0.75rem 1rem; }
  .warning strong { color: #b00020; }
  fieldset { border: 1px solid #999; padding: 0.75rem 1rem; margin: 1rem 0; }
  legend { font-weight: bold; padding: 0 0.25rem; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { margin: 0 0 1rem; }
  button { font: inherit; padding: 0.5rem 1rem; border: 2px solid #00457d; background: #00457d; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #00457d; }
  button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
  .details { margin: 0.25rem 0 0; font-size: 0.95rem; color: #333; }
`;

/** Escapes text for use in HTML content and attribute values. */
export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const WARNING = `<p class="warning" role="note"><strong>Achtung: Dies ist keine echte Identifizierung.</strong>
  Dieser Dienst ist ein Test-Anmeldedienst für Entwicklung und automatische Tests. Er ersetzt
  weder die BundID noch ein Servicekonto. Alle Personen und Daten sind erfunden.</p>`;

function layout(title, body) {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** German names of the assurance levels. */
export const LEVEL_LABELS = { low: 'niedrig', substantial: 'substanziell', high: 'hoch' };

function formatDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The button text for one citizen, e.g. "Als Erika Mustermann anmelden (Vertrauensniveau hoch)". */
export function loginButtonText(citizen) {
  return `Als ${citizen.label} anmelden (Vertrauensniveau ${LEVEL_LABELS[citizen.level]})`;
}

/**
 * The login page: one submit button per test citizen (name="citizen", value=id) in a
 * form posted to /interaction/:uid/login, and "Abbrechen" posted to /interaction/:uid/abort.
 */
export function loginPage({ uid, clientId, citizens, requestedAcr }) {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const items = citizens.map((c) => {
    const a = c.claims.address;
    const detailsId = `details-${esc(c.id)}`;
    return `<li>
      <button type="submit" name="citizen" value="${esc(c.id)}" aria-describedby="${detailsId}">${esc(loginButtonText(c))}</button>
      <p class="details" id="${detailsId}">geboren am ${esc(formatDate(c.claims.birthdate))} in ${esc(c.claims.place_of_birth)},
        Staatsangehörigkeit ${esc(c.claims.nationalities.join(', '))};
        ${esc(a.street_address)}, ${esc(a.postal_code)} ${esc(a.locality)}</p>
    </li>`;
  }).join('\n');
  // The first citizen once more, under a new account each time (for tests side by side).
  const first = citizens[0];
  const fresh = first ? `<li>
      <button type="submit" name="citizen" value="${esc(first.id)}~new">${esc(`Als neue Testperson ${first.label} anmelden (Vertrauensniveau ${LEVEL_LABELS[first.level]})`)}</button>
      <p class="details">dieselben Daten, aber ein neues Konto: ohne Anträge und Entwürfe</p>
    </li>` : '';
  // Shown only when the application asks for one level (not for the client's defaults).
  const acrs = String(requestedAcr ?? '').split(' ').filter(Boolean);
  const level = acrs.length === 1 ? LEVEL_LABELS[acrs[0].replace('http://eidas.europa.eu/LoA/', '')] : undefined;
  const acrNote = level ? `<p>Die Anwendung erbittet das Vertrauensniveau <strong>${esc(level)}</strong>.</p>` : '';
  return layout(TITLE, `<h1>${esc(TITLE)}</h1>
${WARNING}
<p>Anmeldung für die Anwendung <strong>${esc(clientId)}</strong>. Wählen Sie eine Testperson.
  Mit der Anmeldung werden deren Testdaten an die Anwendung übermittelt.</p>
${acrNote}
<form method="post" action="${base}/login">
  <fieldset>
    <legend>Testperson wählen</legend>
    <ul>
${items}
${fresh}
    </ul>
  </fieldset>
</form>
<form method="post" action="${base}/abort">
  <button type="submit" class="secondary">Abbrechen</button>
</form>`);
}

/** An error page; `message` must not contain personal data. */
export function errorPage(heading, message) {
  return layout(`${heading} – ${TITLE}`, `<h1>${esc(heading)}</h1>
${WARNING}
<p>${esc(message)}</p>`);
}

/** The RP-initiated logout confirmation; `form` is oidc-provider's form (id="op.logoutForm"). */
export function logoutPage(form, clientId, redirects) {
  const app = clientId && redirects
    ? ` Sie werden danach zur Anwendung <strong>${esc(clientId)}</strong> zurückgeleitet.` : '';
  return layout(`Abmelden – ${TITLE}`, `<h1>Vom Test-Anmeldedienst abmelden?</h1>
${WARNING}
<p>Ihre Anmeldung beim Test-Anmeldedienst wird beendet.${app}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Abmelden</button>`);
}

/** Shown after a logout without post_logout_redirect_uri. */
export function logoutSuccessPage() {
  return layout(`Abgemeldet – ${TITLE}`, `<h1>Sie sind abgemeldet</h1>
${WARNING}
<p>Sie haben sich vom Test-Anmeldedienst abgemeldet.</p>`);
}
