import { ApolloClient, HttpLink } from '@apollo/client';
import { portalCache } from './cache';

// errorPolicy 'all' by default, declared so that results are typed with their errors
// (Apollo Client 4: a default error policy must be declared to be used).
/* eslint-disable @typescript-eslint/no-namespace -- Apollo Client's declaration merging is by namespace */
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface Query {
        errorPolicy: 'all';
      }
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Mutate {
        errorPolicy: 'all';
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */

/**
 * An Apollo Client for a partner portal (README, "How a portal connects").
 *
 * - The token is the identity provider's (in development: `npm run -s token -- <email>`),
 *   sent as `Authorization: Bearer`; no cookie, no credentials mode.
 * - `errorPolicy: 'all'`: a block the viewer may not see for one child comes back `null`
 *   with a FORBIDDEN error at its path; with the default policy ('none') that one error
 *   would throw away the whole answer.
 */
export function createPortalClient(options: { url: string; token: () => string | Promise<string> }): ApolloClient {
  const link = new HttpLink({
    uri: options.url,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await options.token()}`);
      return fetch(input, { ...init, headers });
    },
  });
  return new ApolloClient({
    link,
    cache: portalCache(),
    defaultOptions: {
      query: { errorPolicy: 'all', fetchPolicy: 'network-only' },
      watchQuery: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}
