/**
 * A service whose code is fetched the first time one of its methods is called, so
 * neither it nor the PnPjs modules it imports weigh on the web part's first render.
 */

/** Every method of a service, named once: a method added to the interface must be added here too, or the call does not compile. */
export type MethodNames<T> = { readonly [K in keyof T]: true };

/**
 * The service `load` fetches (a dynamic import), behind the same interface: each call
 * waits for the fetch, made once. A failed fetch (offline) is tried again on the next
 * call rather than remembered.
 *
 * @param methods - the interface's methods (each returns a promise)
 */
export function onDemand<T>(load: () => Promise<T>, methods: MethodNames<T>): T {
  let service: Promise<T> | undefined;
  const loaded = (): Promise<T> => {
    if (!service) {
      service = load().catch((error: unknown) => {
        service = undefined;
        throw error;
      });
    }
    return service;
  };
  const facade: Partial<Record<keyof T, unknown>> = {};
  for (const name of Object.keys(methods) as Array<keyof T>) {
    facade[name] = async (...args: unknown[]): Promise<unknown> => {
      const real = await loaded();
      return (real[name] as unknown as (...callArgs: unknown[]) => Promise<unknown>).apply(real, args);
    };
  }
  return facade as T;
}
