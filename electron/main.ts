// Electron entry (bundled to dist/electron/main.cjs).
import * as electron from 'electron';
import { defaultPaths, startElectronApp } from './main/app';

startElectronApp(electron, defaultPaths(__dirname));
