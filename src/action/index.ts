import { run } from './main.js'

// Nothing else happens at import time.
void run()
