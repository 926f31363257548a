/**
 * How far back Genesys Cloud can still answer. Orgs set their own maximum (90 days to 5 years) and the contract
 * does not tell the renderer that figure yet, so the form warns past about two years, where interaction details
 * already lose features in Genesys's own views (fact sheet §12). Replace with the org's `retentionDays` once the
 * core reports it.
 */
export const RETENTION_DAYS = 730;
