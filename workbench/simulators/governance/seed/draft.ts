/** The declared fields of a contract type, without the passthrough index signature that `Omit` would collapse into. */
export type KnownFields<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** A seeded item before it gets its id (ids are given in time order once everything is generated). */
export type Draft<T> = Omit<KnownFields<T>, 'id'>;
