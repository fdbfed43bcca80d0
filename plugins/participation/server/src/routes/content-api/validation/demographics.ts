import { z } from 'zod';
import { demographicDeclarationSchema } from '../../../domain/statistics/demographics';

export const demographicsBody = z.object({ data: demographicDeclarationSchema }).strict();
