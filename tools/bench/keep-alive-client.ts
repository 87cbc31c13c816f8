import net from 'node:net';

/**
 * One HTTP/1.1 keep-alive connection with one request in flight: GETs whose responses are read
 * only as far as status and Content-Length. Like autocannon it skips node:http's per-request
 * objects and streams, so on a small machine the client takes less of the CPU the server needs.
 */
export class KeepAliveConnection {
  private head: Buffer = Buffer.alloc(0);
  private inBody = false;
  private bodyLeft = 0;
  private status = 0;
  private waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  private constructor(
    private readonly socket: net.Socket,
    private readonly fixedHeaders: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(port: number, headers: Readonly<Record<string, string>>): Promise<KeepAliveConnection> {
    const fixed = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        resolve(new KeepAliveConnection(socket, fixed));
      });
      socket.once('error', reject);
    });
  }

  /** Resolves with the response status once the whole body has arrived. */
  get(path: string): Promise<number> {
    if (this.waiting) return Promise.reject(new Error('one request at a time per connection'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`GET ${path} HTTP/1.1\r\n${this.fixedHeaders}connection: keep-alive\r\n\r\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.inBody) this.bodyLeft -= chunk.length;
    else if (!this.readHead(chunk)) return;
    if (this.bodyLeft > 0) return;
    const waiting = this.waiting;
    this.waiting = undefined;
    this.inBody = false;
    if (this.bodyLeft < 0) this.fail(new Error('bytes beyond the response'), waiting);
    else waiting?.resolve(this.status);
  }

  /** Buffers until the end of the headers; false while they are incomplete. */
  private readHead(chunk: Buffer): boolean {
    this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
    const end = this.head.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const text = this.head.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
    if (length === undefined) {
      this.fail(new Error(`response without Content-Length: ${text.split('\r\n')[0] ?? ''}`));
      return false;
    }
    this.status = Number(text.slice(9, 12));
    this.bodyLeft = Number(length) - (this.head.length - end - 4);
    this.inBody = true;
    this.head = Buffer.alloc(0);
    return true;
  }

  private fail(error: Error, waiting = this.waiting): void {
    this.waiting = undefined;
    waiting?.reject(error);
    this.socket.destroy();
  }
}
