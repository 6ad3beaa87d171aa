export * from './access-code-verifier';
export * from './codes';
export * from './file-request.dto';
export * from './filing.service';
export * from './idempotency.service';
export * from './lookup.service';
export * from './requester-access.guard';
export * from './requests.module';
