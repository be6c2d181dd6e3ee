import { z } from 'zod';

/** Schemas shared by the org routes. */
export const level = z.enum(['district', 'street', 'community', 'park']);
export const divisionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'od.divisionCode');
export const deptKind = z.enum(['bureau', 'government', 'vertical', 'party', 'mass', 'institution']);
