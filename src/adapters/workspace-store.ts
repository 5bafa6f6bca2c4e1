import type { WorkspaceStore } from '#app/ports.ts';
import type { Db } from './db/database.ts';
import * as repo from './db/repositories.ts';

/** The workspace's store over the database repositories (PGlite or PostgreSQL alike). */
export function databaseStore(db: Db): WorkspaceStore {
  return {
    storeUpload: (bytes, fileName) => repo.storeUpload(db, bytes, fileName),
    fileBytes: (id) => repo.fileBytes(db, id),
    document: (id) => repo.documentWithFindings(db, id),
    listDocuments: (query) => repo.listDocuments(db, query),
    recordCheck: (id, report, options) => repo.recordCheck(db, id, report, options),
    setDocumentStatus: (id, status) => repo.setDocumentStatus(db, id, status),
    enqueueJob: (id) => repo.enqueueJob(db, id),
    claimNextJob: () => repo.claimNextJob(db),
    finishJob: (id) => repo.finishJob(db, id),
    failJob: (id, error, options) => repo.failJob(db, id, error, options),
    latestJob: (id) => repo.latestJob(db, id),
    requeueRunningJobs: () => repo.requeueRunningJobs(db),
    addReview: (input) => repo.addReview(db, input),
    ledger: (jurisdiction) => repo.ledger(db, jurisdiction),
    close: () => db.close(),
  };
}
