import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePostgresUrl } from '../migrate';
import { assertLocalDatabaseUrl } from './assert-local';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
  }
}

/**
 * With DATABASE_URL set, migrate one template database per run; each test copies it
 * (CREATE DATABASE ... TEMPLATE), which takes milliseconds, and drops its copy after.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('templateDatabaseUrl', null);
    return;
  }
  assertLocalDatabaseUrl(base);
  const name = `smm_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migratePostgresUrl(url.toString());
  project.provide('templateDatabaseUrl', url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
