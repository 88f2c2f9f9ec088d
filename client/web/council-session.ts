/**
 * The council's session page address, and the one return address a vote's form may carry back to it (`tro_ve`):
 * shared by the session page and the case action route, so neither route imports the other.
 */
/** Where the case action route may send the user back to after a vote from this page. */
export const SESSION_PATH = '/hoi-dong';

/**
 * The session page of one campaign (đợt xét): a council meets on one review's nominations, and on a busy server
 * the whole agenda spans pages. Only a bounded, quoted campaign id makes it into a query or a link.
 */
export function sessionCampaign(raw: unknown): string | null {
  const value = typeof raw === 'string' ? raw.trim() : '';
  return value.length > 0 && value.length <= 120 ? value : null;
}

/**
 * Reads a form's `tro_ve`: undefined unless it is the session page itself, optionally with only its campaign;
 * null for the plain page.
 */
export function sessionReturn(raw: string | undefined): string | null | undefined {
  if (raw === SESSION_PATH) return null;
  if (!raw?.startsWith(`${SESSION_PATH}?`)) return undefined;
  const params = new URLSearchParams(raw.slice(SESSION_PATH.length + 1));
  const keys = [...params.keys()];
  const campaign = sessionCampaign(params.get('dot'));
  return keys.length === 1 && keys[0] === 'dot' && campaign ? campaign : undefined;
}

/** The session page (of a campaign, if any), where a vote cast from it returns. */
export function sessionPath(campaign: string | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(campaign ? { dot: campaign } : {}), ...extra }).toString();
  return query ? `${SESSION_PATH}?${query}` : SESSION_PATH;
}
