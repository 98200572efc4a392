/** The page footer: the licence and where the API is described. */
export function Footer() {
  return (
    <footer className="govuk-footer app-no-print">
      <div className="govuk-width-container app-width">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/reference">
                  API reference
                </a>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/health">
                  Service health
                </a>
              </li>
            </ul>
            <span className="govuk-footer__licence-description">
              Open source under the AGPL-3.0-or-later. Map data: ONS and OS boundaries, Open
              Government Licence v3.0.
            </span>
          </div>
        </div>
      </div>
    </footer>
  );
}
