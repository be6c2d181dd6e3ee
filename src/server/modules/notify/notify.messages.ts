/** The notify module's messages: [中文, English]; keys of field reasons start with "od.notify.". */
export const notifyMessages = {} as const satisfies Record<string, readonly [string, string]>;
