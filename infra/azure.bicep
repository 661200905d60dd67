// Insatsnavet in one resource group: App Service (Linux, Node LTS) running the tab, the tab API and
// the bot on one host; a user-assigned managed identity; the Azure Bot with the Teams channel; a Key
// Vault (RBAC) whose secrets the app reads by Key Vault reference; Application Insights on a Log
// Analytics workspace, which also receives the app's stdout (pino JSON lines).
//
// Deployed by the Agents Toolkit (m365agents.yml: arm/deploy with azure.parameters.json) or by hand:
//   az deployment group create -g <rg> -f infra/azure.bicep -p resourceBaseName=… aadAppClientId=… sharePointSite=…
// See README "Deploy to your tenant". Scope: a resource group.
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Base of every resource name: letters, digits and hyphens. The web app is <resourceBaseName>.azurewebsites.net, so it must be unique in Azure (e.g. insatsnavet-varend).')
@minLength(4)
@maxLength(40)
param resourceBaseName string

@description('Azure region of the resources (the Azure Bot itself is global). Default: the resource group\'s region, e.g. swedencentral.')
param location string = resourceGroup().location

@description('App Service plan SKU. Every allowed SKU lets the app run on two or more instances (S1: up to 10, P0v3–P2v3: up to 30) and supports always-on and health checks.')
@allowed([
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSkuName string = 'P0v3'

@description('Number of App Service instances. Two or more are safe (README: Operations → Several instances); one is cheaper.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Node.js runtime of the web app (App Service linuxFxVersion). The app is built and tested on Node 20, which reached end of life in April 2026: move to NODE|22-lts once npm test passes on Node 22.')
@allowed([
  'NODE|20-lts'
  'NODE|22-lts'
  'NODE|24-lts'
])
param nodeRuntime string = 'NODE|20-lts'

@description('The Entra tenant (GUID) of the förbund\'s Microsoft 365, where the app registration lives and the Teams users sign in. Default: the tenant of this Azure subscription.')
param aadAppTenantId string = tenant().tenantId

@description('Client id (GUID) of the Entra app registration Insatsnavet uses for Teams SSO (Application ID URI api://<web app host>/<client id>), for Graph (Sites.Selected) and, with botAppType SingleTenant, as the bot. Agents Toolkit: AAD_APP_CLIENT_ID from aadApp/create.')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('How the bot proves itself: UserAssignedMSI (the managed identity made here; no secret; needs this Azure subscription in the same Entra tenant as Microsoft 365) or SingleTenant (the app registration aadAppClientId with its client secret, bot-app-password in Key Vault). Azure no longer creates multi-tenant bots.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('Azure Bot pricing tier. F0 is free; messages in the Teams channel are free on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The förbund\'s SharePoint site as hostname:/sites/path, e.g. contoso.sharepoint.com:/sites/insatsnavet (app setting SHAREPOINT_SITE).')
param sharePointSite string

@description('Entra tenants (comma-separated GUIDs) whose users may call the tab API (app setting ENTRA_TENANT_IDS). Default: aadAppTenantId.')
param entraTenantIds string = aadAppTenantId

@description('How the app proves itself to Microsoft Graph: secret (Key Vault secret graph-client-secret → GRAPH_CLIENT_SECRET) or certificate (a PEM certificate in Key Vault named graphCertificateName → GRAPH_CLIENT_CERTIFICATE).')
@allowed([
  'secret'
  'certificate'
])
param graphCredential string = 'secret'

@description('With graphCredential certificate: the name of the Key Vault certificate (content type PEM, so its secret holds the key and the certificate).')
param graphCertificateName string = 'graph-client-certificate'

@description('Optional. The Graph client secret, stored as Key Vault secret graph-client-secret. Leave empty to set it in Key Vault yourself (az keyvault secret set). Never written to the parameters file: Agents Toolkit passes SECRET_AAD_APP_CLIENT_SECRET from env/.env.<env>.user.')
@secure()
param graphClientSecret string = ''

@description('Optional, botAppType SingleTenant only. The bot is then the app registration aadAppClientId, so by default BOT_APP_PASSWORD reads its Graph client secret (graph-client-secret). Give a value here (stored as Key Vault secret bot-app-password) when Graph uses a certificate or the bot has a secret of its own.')
@secure()
param botAppPassword string = ''

@description('Optional. The key (at least 32 random characters) that signs the personal calendar feed links, stored as Key Vault secret calendar-feed-secret. Leave empty to set it yourself. Changing it later revokes every calendar link.')
@secure()
param calendarFeedSecret string = ''

@description('Optional. Object id of a person or group that gets Key Vault Secrets Officer on the vault, to set and rotate the secrets by hand (an Owner has no access to secrets in RBAC mode). E.g. az ad signed-in-user show --query id -o tsv.')
param secretsOfficerPrincipalId string = ''

@description('Protect the Key Vault from being purged for 90 days after deletion (recommended; cannot be turned off once on).')
param keyVaultPurgeProtection bool = true

@description('The förbund\'s time zone for working days and reminder times (app setting TIMEZONE).')
param timeZone string = 'Europe/Stockholm'

@description('pino log level of the app (app setting LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Days the Log Analytics workspace keeps logs and telemetry (30–730).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Tags set on every resource, e.g. { "förbund": "Värend", "kostnadsställe": "1234" }.')
param tags object = {}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = resourceBaseName
// Key Vault names are 3–24 characters, globally unique
var keyVaultName = take('kv${replace(resourceBaseName, '-', '')}${suffix}', 24)
var keyVaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'
var useManagedIdentityBot = botAppType == 'UserAssignedMSI'
// built-in roles
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// ---------------------------------------------------------------------------------------------
// Identity, monitoring, secrets
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // access by Azure RBAC roles, not vault access policies
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource graphClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
  }
}

resource botAppPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource calendarFeedSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(calendarFeedSecret)) {
  parent: vault
  name: 'calendar-feed-secret'
  properties: {
    value: calendarFeedSecret
  }
}

// the app reads the secrets (and nothing else) through its managed identity
resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource officerManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(vault.id, secretsOfficerPrincipalId, keyVaultSecretsOfficerRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRole)
    principalId: secretsOfficerPrincipalId
  }
}

// ---------------------------------------------------------------------------------------------
// App Service
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSkuName
    capacity: instanceCount
  }
  properties: {
    // Linux
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // no sticky sessions: any instance answers any request (README: Several instances)
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: nodeRuntime
      // the app itself, without `npm start`'s tab build check (the tab is built into the package)
      appCommandLine: 'node --no-deprecation --import tsx src/server/start.ts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      // readiness: SharePoint reachable and the schema as this build expects; an instance that
      // stays unready is taken out of the load balancer
      healthCheckPath: '/readyz'
      remoteDebuggingEnabled: false
      webSocketsEnabled: false
    }
  }
}

// no FTP publishing with user names and passwords
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Every setting src/config/env.ts reads in production; secrets only as Key Vault references.
var commonAppSettings = {
  NODE_ENV: 'production'
  AUTH_MODE: 'entra'
  GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0'
  SHAREPOINT_SITE: sharePointSite
  GRAPH_TENANT_ID: aadAppTenantId
  GRAPH_CLIENT_ID: aadAppClientId
  ENTRA_TENANT_IDS: entraTenantIds
  TAB_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
  TAB_CLIENT_ID: aadAppClientId
  BOT_APP_TYPE: botAppType
  BOT_APP_ID: useManagedIdentityBot ? identity.properties.clientId : aadAppClientId
  BOT_TENANT_ID: useManagedIdentityBot ? identity.properties.tenantId : aadAppTenantId
  CALENDAR_FEED_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/calendar-feed-secret/)'
  TIMEZONE: timeZone
  PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
  LOG_LEVEL: logLevel
  SWEEP_SCHEDULE: 'on'
  // platform settings
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}
var graphSecretAppSettings = {
  GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/graph-client-secret/)'
}
var graphCertificateAppSettings = {
  GRAPH_CLIENT_CERTIFICATE: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${graphCertificateName}/)'
}
// a single-tenant bot is the app registration itself: its client secret, unless one of its own is given
var botPasswordSecretName = graphCredential == 'secret' && empty(botAppPassword) ? 'graph-client-secret' : 'bot-app-password'
var botPasswordAppSettings = {
  BOT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${botPasswordSecretName}/)'
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  // one line: function arguments over several lines need a recent Bicep
  properties: union(commonAppSettings, graphCredential == 'secret' ? graphSecretAppSettings : graphCertificateAppSettings, useManagedIdentityBot ? {} : botPasswordAppSettings)
  // the references resolve only once the identity may read the secrets
  dependsOn: [
    appReadsSecrets
    graphClientSecretValue
    botAppPasswordValue
    calendarFeedSecretValue
  ]
}

// the app's stdout (pino JSON lines) and HTTP logs into the workspace
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Bot
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Insatsnavet'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: useManagedIdentityBot ? identity.properties.clientId : aadAppClientId
    msaAppTenantId: useManagedIdentityBot ? identity.properties.tenantId : aadAppTenantId
    msaAppMSIResourceId: useManagedIdentityBot ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs (the Agents Toolkit writes each into env/.env.<env> under its name)
// ---------------------------------------------------------------------------------------------

@description('The bot\'s Microsoft App ID: the managed identity\'s client id, or the app registration\'s.')
output BOT_ID string = bot.properties.msaAppId

@description('Host name of the web app: the bot\'s and the tab\'s domain.')
output BOT_DOMAIN string = webApp.properties.defaultHostName

@description('Host name of the tab (the same web app).')
output TAB_DOMAIN string = webApp.properties.defaultHostName

@description('Resource id of the web app, for azureAppService/zipDeploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

@description('Name of the Key Vault that holds the secrets.')
output KEY_VAULT_NAME string = vault.name

@description('Client id of the managed identity (the bot\'s identity with UserAssignedMSI).')
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
