/** The catalogue pages' messages (Chinese; `catalogEn` must have the same keys). */
export const catalogZh = {
  title: '数据资源目录',
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const catalogEn: DeepStrings<typeof catalogZh> = {
  title: 'Data resource catalogue',
};
