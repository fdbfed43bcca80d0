import { z } from 'zod';
import { roomEventsSchema } from '../../../../shared/contracts/events';
import { declareRoute } from './declare-route';

export const realtimeRoutes = {
  eventsAfter: declareRoute({
    method: 'GET',
    path: '/realtime/rooms/:room/events',
    action: 'realtime.eventsAfter',
    summary: "A room's events after a sequence number: catch-up after a reconnect, under the socket's room rules",
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: roomEventsSchema,
    privateResources: true,
  }),
};
