/**
 * What the local page takes in place of @microsoft/sp-core-library: SPFx's own
 * ServiceScope and ServiceKey, from their modules. The package's entry point needs modules
 * that only SharePoint's page serves (@msinternal/odsp-core-bundle, @msinternal/ecs-flight,
 * not published to npm), so it cannot load outside SharePoint; these two classes need
 * neither. scripts/build-host.js points the package's name here.
 */
export { default as ServiceScope } from '@microsoft/sp-core-library/lib/serviceScope/ServiceScope';
export { default as ServiceKey } from '@microsoft/sp-core-library/lib/serviceScope/ServiceKey';
