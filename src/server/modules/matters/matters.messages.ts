/** The matters module's messages: [中文, English]; keys of field reasons start with "od.matters.". */
export const mattersMessages = {} as const satisfies Record<string, readonly [string, string]>;
