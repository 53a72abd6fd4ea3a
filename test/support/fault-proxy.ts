import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FaultProxy {
  /** `127.0.0.1:PORT` */
  host: string
  /** Requests seen, in order: `METHOD path -> status`. */
  requests: string[]
  close(): Promise<void>
}

/**
 * A plain-HTTP proxy on 127.0.0.1 in front of a real server (a registry, the GitHub stand-in) that
 * answers `status` to the first `failFirst` requests (all of them with Infinity) and forwards the
 * rest unchanged. Status 0 closes the connection without an answer: a network error.
 */
export function startFaultProxy(target: string, failFirst: number, status = 503): Promise<FaultProxy> {
  const requests: string[] = []
  const [targetHost, targetPort] = target.split(':')
  const server = http.createServer((req, res) => {
    if (requests.length < failFirst) {
      requests.push(`${req.method} ${req.url} -> ${status}`)
      if (status === 0) {
        req.socket.destroy()
        return
      }
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end('injected fault')
      return
    }
    const upstream = http.request(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: { ...req.headers, host: target } },
      (up) => {
        requests.push(`${req.method} ${req.url} -> ${up.statusCode}`)
        const headers = { ...up.headers }
        // Links and redirects name the registry; keep the client talking to the proxy.
        if (typeof headers.location === 'string') headers.location = headers.location.replace(target, `127.0.0.1:${port()}`)
        res.writeHead(up.statusCode ?? 502, headers)
        up.pipe(res)
      },
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  const port = () => (server.address() as AddressInfo).port
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        host: `127.0.0.1:${port()}`,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    )
  })
}
