export * from './connection-overrides.js';
