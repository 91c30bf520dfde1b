// Browser mode from source, for tests that need the real server process:
//   node --import tsx test/helpers/browser-server.ts <staticDir>
// with PLANDESK_HOME and PLANDESK_PORT as for `npm start`.
import { startBrowserMode } from '../../electron/browser';

void startBrowserMode(process.argv[2]!);
