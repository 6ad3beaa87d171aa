import type { S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { DocumentsSettings } from '../documents-settings';
import { ByteRange, DocumentStorage, StoredFileInfo, StoredObject } from './document-storage';

type S3Settings = Extract<DocumentsSettings['storage'], { driver: 's3' }>;
type S3Module = typeof import('@aws-sdk/client-s3');

/**
 * Documents in S3-compatible object storage (AWS S3, MinIO, …), for deployments whose api
 * runs on more than one machine. The bucket is created on first use if it is missing.
 */
export class S3DocumentStorage extends DocumentStorage {
  readonly driver = 's3';
  private sdk?: Promise<{ s3: S3Module; client: S3Client }>;
  private bucketReady?: Promise<void>;

  constructor(private readonly settings: S3Settings) {
    super();
  }

  async putFile(key: string, path: string, info: StoredFileInfo): Promise<void> {
    const { s3, client } = await this.connect();
    await this.ensureBucket();
    // A known length lets one PUT stream the file from disk: no part is held in memory.
    await client.send(
      new s3.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(path),
        ContentLength: info.size,
        ContentType: info.mediaType,
        Metadata: { sha256: info.sha256 },
      }),
    );
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const { s3, client } = await this.connect();
    const answer = await client.send(
      new s3.GetObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return answer.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    const { s3, client } = await this.connect();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<StoredObject> {
    const { s3, client } = await this.connect();
    // The worker's sweep may list before the first upload made the bucket: then it is made here.
    await this.ensureBucket();
    let token: string | undefined;
    do {
      const page = await client.send(
        new s3.ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.settings.prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key && o.LastModified) yield { key: o.Key.slice(this.settings.prefix.length), modifiedAt: o.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Nest calls it on shutdown: the client's sockets close with the app. */
  async onApplicationShutdown(): Promise<void> {
    if (this.sdk) (await this.sdk).client.destroy();
  }

  private objectKey(key: string): string {
    return `${this.settings.prefix}${key}`;
  }

  /** The SDK is loaded only when this driver is used, so the local default starts without it. */
  private connect(): Promise<{ s3: S3Module; client: S3Client }> {
    this.sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: new s3.S3Client({
        endpoint: this.settings.endpoint,
        region: this.settings.region,
        forcePathStyle: this.settings.forcePathStyle,
        credentials: this.settings.credentials,
        // Checksums only where S3 requires them: the streamed aws-chunked encoding the SDK uses
        // otherwise is not understood by every S3-compatible server, which would store its framing.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.sdk;
  }

  private ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      const { s3, client } = await this.connect();
      try {
        await client.send(new s3.HeadBucketCommand({ Bucket: this.settings.bucket }));
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
        await client.send(new s3.CreateBucketCommand({ Bucket: this.settings.bucket }));
      }
    })().catch((error: unknown) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }
}
