/** The emulator's PnPjs client, where the emulator's own command line, the bench and tests import it; the tools sign in through ./signIn. */
export { emulatorSp } from './signIn/emulator';
