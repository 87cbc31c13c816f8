/** What an admin is told when the Zendesk round trip ends, by the auth service's reason code. */
export interface OutcomeExplanation {
  ok: boolean;
  title: string;
  whatToDo: string;
}

const FAILURES: Record<string, Omit<OutcomeExplanation, 'ok'>> = {
  NOT_ADMIN: {
    title: 'The Zendesk user who consented is not an admin',
    whatToDo:
      'Only a Zendesk admin can connect an account. Sign in to Zendesk as an admin (or have an admin do it), then press Connect in Zendesk again.',
  },
  PLAN_NOT_SUPPORTED: {
    title: 'This Zendesk plan has no audit logs',
    whatToDo:
      'Audit logs need Zendesk Suite Enterprise or Enterprise Plus. Upgrade the plan in Zendesk Admin Center, then connect again.',
  },
  ACCESS_DENIED: {
    title: 'Access was denied in Zendesk',
    whatToDo: 'Nothing was connected. Press Connect in Zendesk again and choose Allow on the consent page.',
  },
  INVALID_CLIENT: {
    title: 'Zendesk did not accept the OAuth client',
    whatToDo:
      'Check the Client ID (the client’s unique identifier) and the secret in Zendesk Admin Center → Apps and integrations → APIs → OAuth clients; rotate the secret here if it changed, then connect again.',
  },
  INVALID_GRANT: {
    title: 'Zendesk refused the authorization code',
    whatToDo: 'The code expired or was used already. Press Connect in Zendesk again.',
  },
  INVALID_STATE: {
    title: 'The authorization link is no longer valid',
    whatToDo: 'Start the connection from this page again; each link works once and for a few minutes.',
  },
};

const FALLBACK = {
  title: 'Zendesk could not be connected',
  whatToDo: 'Try again in a few minutes; if it keeps failing, run Test now and check the service logs.',
};

export function explainOutcome(code: string): OutcomeExplanation {
  if (code === 'CONNECTED') {
    return {
      ok: true,
      title: 'Zendesk connected',
      whatToDo: 'Run Test now to check every capability; collection starts by itself.',
    };
  }
  return { ok: false, ...(FAILURES[code] ?? FALLBACK) };
}

/** Only codes we explain are echoed back from the URL, so the page never prints attacker text as a reason. */
export const OutcomeCode = /^[A-Z][A-Z_]{1,40}$/;
