/** An event as Electron hands it to listeners: `preventDefault()` and `defaultPrevented`, plus its fields. */
export type StandInEvent<T extends object = object> = T & {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
};

/** Makes an Electron-style event carrying `fields`. */
export function electronEvent<T extends object>(fields: T = {} as T): StandInEvent<T> {
  let prevented = false;
  const event = Object.assign(Object.create(null) as object, fields);
  Object.defineProperties(event, {
    preventDefault: {
      value: () => {
        prevented = true;
      },
    },
    defaultPrevented: { get: () => prevented, enumerable: true },
  });
  return event as StandInEvent<T>;
}
