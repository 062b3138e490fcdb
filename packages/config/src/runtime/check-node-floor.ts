// Imported first by the package entry: refuses an unsupported Node.js with one line before anything else loads.
import { assertNodeFloor } from './node-floor.ts';

assertNodeFloor();
