// The app's user-assigned managed identity: the one principal the Function app uses for
// storage (host and app), Cosmos DB, Service Bus, Application Insights and its deployment package.

@description('Name of the user-assigned managed identity.')
param name string

@description('Region of the identity.')
param location string

@description('Tags for the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (for the Function app and its deployment storage).')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Object (principal) id: what role assignments name.')
output principalId string = identity.properties.principalId

@description('Client id: what AZURE_CLIENT_ID and AzureWebJobsStorage__clientId name.')
output clientId string = identity.properties.clientId
