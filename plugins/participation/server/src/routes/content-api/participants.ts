import { z } from 'zod';
import { declareRoute } from './declare-route';

export const participantRoutes = {
  verify: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/participants/:userId/verification',
    action: 'participant.verify',
    summary: 'Confirm in person that someone takes part in the municipality (rounds may admit verified participants only)',
    response: z.null(),
    status: 204,
  }),
};
