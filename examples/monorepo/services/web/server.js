import { createServer } from 'node:http'

createServer((_req, res) => res.end('web\n')).listen(3000)
