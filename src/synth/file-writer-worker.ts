// The file writer thread (file-writer.ts): carries out the requests it is sent, in order, until told
// to finish; then replies with the first failure, if any, and ends.
import { parentPort } from 'node:worker_threads';
import { FileRequests, type FileWriterReply, type FileWriterRequest } from './file-writer';

const port = parentPort;
if (port === null) throw new Error('file-writer-worker runs as a worker thread (file-writer.ts starts it)');
const requests = new FileRequests();
port.on('message', (request: FileWriterRequest) => {
  if (!('finish' in request)) return requests.carryOut(request);
  port.postMessage((requests.failure === undefined ? {} : { error: requests.failure }) satisfies FileWriterReply);
  port.close();
});
