/** The catalog module's messages: [中文, English]; keys of field reasons start with "od.catalog.". */
export const catalogMessages = {} as const satisfies Record<string, readonly [string, string]>;
