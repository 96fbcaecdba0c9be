namespace GongCrmBridge.Sandbox;

/// <summary>The eight CRM endpoints the emulator serves (CRM-API.md §2).</summary>
internal enum SandboxRoute
{
    /// <summary><c>PUT /v2/crm/integrations</c>.</summary>
    RegisterIntegration,

    /// <summary><c>GET /v2/crm/integrations</c>.</summary>
    ListIntegrations,

    /// <summary><c>DELETE /v2/crm/integrations</c>.</summary>
    DeleteIntegration,

    /// <summary><c>POST /v2/crm/entity-schema</c>.</summary>
    UploadSchema,

    /// <summary><c>GET /v2/crm/entity-schema</c>.</summary>
    GetSchema,

    /// <summary><c>POST /v2/crm/entities</c>.</summary>
    UploadEntities,

    /// <summary><c>GET /v2/crm/request-status</c>.</summary>
    RequestStatus,

    /// <summary><c>GET /v2/crm/entities</c>.</summary>
    GetEntities,
}
