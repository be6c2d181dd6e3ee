/** The cases module's messages: [中文, English]; keys of field reasons start with "od.cases.". */
export const casesMessages = {} as const satisfies Record<string, readonly [string, string]>;
