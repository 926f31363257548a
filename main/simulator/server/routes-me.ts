import type { AnalyticsEngine, OrgDataset } from '../model';
import { errors } from './error-body';
import type { ApiRoute } from './router';

/** Endpoints about the signed-in user: meaningless for client credentials (fact sheet §2.2, §8). */
export function meRoutes(dataset: OrgDataset, engine: AnalyticsEngine): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/users/me',
      userContext: true,
      handle: ({ token }) => {
        const user = dataset.users.find((candidate) => candidate.id === token.userId);
        if (!user) throw errors.notFound();
        return { status: 200, body: user };
      },
    },
    {
      method: 'GET',
      path: '/conversations',
      userContext: true,
      handle: ({ token }) => ({ status: 200, body: engine.activeConversationsFor(token.userId ?? '') }),
    },
  ];
}
