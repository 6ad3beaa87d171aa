import { S3Server } from '@ventanilla/testing';
import { S3DocumentStorage } from '../../libs/documents/src/storage/s3-storage';

describe('the S3 driver against an S3-compatible server (e2e)', () => {
  const s3 = new S3Server();
  let storage: S3DocumentStorage;

  beforeAll(async () => {
    const server = await s3.start();
    storage = new S3DocumentStorage({
      driver: 's3',
      endpoint: server.endpoint,
      region: 'us-east-1',
      bucket: 'ventanilla-fresh',
      prefix: 'documentos/',
      forcePathStyle: true,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    });
  });
  afterAll(async () => {
    await storage?.onApplicationShutdown();
    await s3.stop();
  });

  it('lists nothing, without an error, before the first upload made the bucket (the worker sweep on a new deployment)', async () => {
    const keys: string[] = [];
    for await (const o of storage.list()) keys.push(o.key);
    expect(keys).toEqual([]);
  });
});
