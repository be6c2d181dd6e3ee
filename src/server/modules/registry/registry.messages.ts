/** The registry module's messages: [中文, English]; keys of field reasons start with "od.registry.". */
export const registryMessages = {} as const satisfies Record<string, readonly [string, string]>;
