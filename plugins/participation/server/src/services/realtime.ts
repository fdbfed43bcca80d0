import type { Core } from '@strapi/strapi';
import type { RoomEvent } from '../../../shared/contracts';
import { decideRoomAccess } from '../domain/access/realtime-rooms';
import { startGateway, type Gateway } from '../realtime/gateway';
import { getService } from '../utils/get-service';
import { refusalError } from '../utils/refusal-error';

/** Owns the socket.io gateway for the plugin's lifetime: started in bootstrap, closed in destroy. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let gateway: Gateway | null = null;
  return {
    async start() {
      gateway = await startGateway(strapi);
    },
    broadcast(event: RoomEvent) {
      gateway?.broadcast(event);
    },
    /** Catch-up after a reconnect for `user` (or nobody signed in), under the same room rules as the socket. */
    async eventsAfter(user: { id: number; role?: { type?: string } | null } | undefined, room: string, after: number, limit: number) {
      const actor = await getService(strapi, 'access').actorFor(user);
      const decision = decideRoomAccess(room, actor);
      if (!decision.allowed) throw refusalError(decision);
      return getService(strapi, 'events').eventsAfter(room, after, limit);
    },
    async stop() {
      getService(strapi, 'events').cancelPending();
      await gateway?.close();
      gateway = null;
    },
  };
};
