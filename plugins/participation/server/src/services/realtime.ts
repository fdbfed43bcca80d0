import type { Core } from '@strapi/strapi';
import type { RoomEvent } from '../../../shared/contracts';
import { startGateway, type Gateway } from '../realtime/gateway';
import { getService } from '../utils/get-service';

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
    async stop() {
      getService(strapi, 'events').cancelPending();
      await gateway?.close();
      gateway = null;
    },
  };
};
