/**
 * Plays the person at the simulator's login page: opens the authorize URL,
 * fills in the form, and follows the redirect back to our loopback listener.
 */
export function simulatorBrowser(username: string, password: string) {
  const pending: Promise<void>[] = [];
  const pages: string[] = [];
  return {
    pages,
    idle: async () => {
      await Promise.all(pending);
    },
    openExternal: (url: string): Promise<void> => {
      pending.push(
        (async () => {
          const form = await fetch(url);
          const html = await form.text();
          const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
          if (!request) throw new Error(`no sign-in form at ${url}: ${html.slice(0, 200)}`);
          const submitted = await fetch(new URL('/oauth/authorize', url), {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ request, username, password, action: 'allow' }).toString(),
            redirect: 'manual',
          });
          const location = submitted.headers.get('location');
          if (!location) throw new Error(`sign-in did not redirect (HTTP ${submitted.status})`);
          pages.push(await (await fetch(location)).text());
        })(),
      );
      return Promise.resolve();
    },
  };
}
