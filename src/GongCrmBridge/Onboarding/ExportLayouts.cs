using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Onboarding;

/// <summary>The export layouts of the CRMs the ready-made mappings cover (see mappings/README.md, "What each CRM
/// really exports"), and the recogniser <c>init</c> and <c>validate</c> share.</summary>
public static class ExportLayouts
{
    private const string SalesforceApi = "Salesforce (Data Loader, Bulk API or weekly Data Export)";
    private const string SalesforceReport = "Salesforce report";
    private static readonly string[] OdooPartners = ["id", "is_company", "parent_id/id", "write_date"];
    private static readonly string[] OdooLeads = ["id", "type", "stage_id", "expected_revenue", "write_date"];

    /// <summary>Every known layout. The markers of each are columns its CRM writes in a default export.</summary>
    public static IReadOnlyList<ExportLayout> All { get; } =
    [
        new(SalesforceApi, "salesforce", CrmObjectType.BusinessUser, "business-user.yaml", ["Id", "Username", "UserType", "IsActive", "LastModifiedDate"]),
        new(SalesforceApi, "salesforce", CrmObjectType.Stage, "stage.yaml", ["MasterLabel", "ApiName", "SortOrder", "IsWon", "IsClosed"]),
        new(SalesforceApi, "salesforce", CrmObjectType.Account, "account.yaml", ["Id", "Name", "Website", "NumberOfEmployees", "BillingCountry", "AnnualRevenue", "LastModifiedDate"]),
        new(SalesforceApi, "salesforce", CrmObjectType.Contact, "contact.yaml", ["Id", "AccountId", "FirstName", "LastName", "Email", "LastModifiedDate"]),
        new(SalesforceApi, "salesforce", CrmObjectType.Deal, "deal.yaml", ["Id", "AccountId", "StageName", "IsWon", "IsClosed", "CloseDate", "LastModifiedDate"]),
        new(SalesforceApi, "salesforce", CrmObjectType.Lead, "lead.yaml", ["Id", "Company", "IsConverted", "ConvertedAccountId", "Status", "LastModifiedDate"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.BusinessUser, "business-user.yaml", ["User ID", "Email", "Active", "Last Modified Date"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.Stage, "stage.yaml", ["Stage Name", "Sort Order", "Active"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.Account, "account.yaml", ["Account ID", "Account Name", "Last Modified Date", "Account Owner ID"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.Contact, "contact.yaml", ["Contact ID", "Account ID", "First Name", "Last Name", "Last Modified Date"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.Deal, "deal.yaml", ["Opportunity ID", "Opportunity Name", "Stage", "Close Date", "Last Modified Date"]),
        new(SalesforceReport, "salesforce-report", CrmObjectType.Lead, "lead.yaml", ["Lead ID", "Lead Status", "Company / Account", "Last Modified Date"]),
        new("HubSpot", "hubspot", CrmObjectType.BusinessUser, "business-user.yaml", ["First Name", "Last Name", "Email", "Team"]),
        new("HubSpot", "hubspot", CrmObjectType.Account, "account.yaml", ["Record ID", "Company name", "Company Domain Name"]),
        new("HubSpot", "hubspot", CrmObjectType.Contact, "contact.yaml", ["Record ID", "First Name", "Last Name", "Email", "Lifecycle Stage"]),
        new("HubSpot", "hubspot", CrmObjectType.Deal, "deal.yaml", ["Record ID", "Deal Name", "Deal Stage", "Pipeline"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.BusinessUser, "business-user.yaml", ["(Do Not Modify) User", "(Do Not Modify) Row Checksum"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.Account, "account.yaml", ["(Do Not Modify) Account", "(Do Not Modify) Row Checksum"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.Contact, "contact.yaml", ["(Do Not Modify) Contact", "(Do Not Modify) Row Checksum"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.Deal, "deal.yaml", ["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.Lead, "lead.yaml", ["(Do Not Modify) Lead", "(Do Not Modify) Row Checksum"]),
        new("Pipedrive", "pipedrive", CrmObjectType.BusinessUser, "business-user.yaml", ["Name", "Email", "Permission set"]),
        new("Pipedrive", "pipedrive", CrmObjectType.Account, "account.yaml", ["Organization - Name", "Organization - Owner", "Organization - Update time"]),
        new("Pipedrive", "pipedrive", CrmObjectType.Contact, "contact.yaml", ["Person - ID", "Person - Name", "Person - Email", "Person - Organization"]),
        new("Pipedrive", "pipedrive", CrmObjectType.Deal, "deal.yaml", ["Deal - ID", "Deal - Title", "Deal - Status", "Deal - Stage", "Deal - Value"]),
        new("Pipedrive", "pipedrive", CrmObjectType.Lead, "lead.yaml", ["Lead - ID", "Lead - Title", "Lead - Owner"]),
        new("Zoho CRM", "zoho", CrmObjectType.BusinessUser, "business-user.yaml", ["Record Id", "First Name", "Last Name", "Email", "Role", "Profile"]),
        new("Zoho CRM", "zoho", CrmObjectType.Account, "account.yaml", ["Record Id", "Account Owner.id", "Account Name"]),
        new("Zoho CRM", "zoho", CrmObjectType.Contact, "contact.yaml", ["Record Id", "Contact Owner.id", "Account Name.id"]),
        new("Zoho CRM", "zoho", CrmObjectType.Deal, "deal.yaml", ["Record Id", "Deal Owner.id", "Deal Name", "Stage"]),
        new("Zoho CRM", "zoho", CrmObjectType.Lead, "lead.yaml", ["Record Id", "Lead Owner.id", "Lead Status"]),
        new("Odoo", "odoo", CrmObjectType.BusinessUser, "business-user.yaml", ["id", "login", "share", "write_date"]),
        new("Odoo", "odoo", CrmObjectType.Account, "account.yaml", OdooPartners),
        new("Odoo", "odoo", CrmObjectType.Deal, "deal.yaml", OdooLeads),
        new("Odoo", "odoo", CrmObjectType.Contact, "contact.yaml", OdooPartners),
        new("Odoo", "odoo", CrmObjectType.Lead, "lead.yaml", OdooLeads),

        // Stages derived from a deals export: listed after the deal layouts, so a deals header alone reads as deals.
        new(SalesforceApi, "salesforce", CrmObjectType.Stage, "stage-from-deals.yaml", ["Id", "AccountId", "StageName", "IsWon", "IsClosed", "CloseDate", "LastModifiedDate"]),
        new("HubSpot", "hubspot", CrmObjectType.Stage, "stage.yaml", ["Record ID", "Deal Name", "Deal Stage", "Pipeline"]),
        new("Dynamics 365", "dynamics365", CrmObjectType.Stage, "stage.yaml", ["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum"]),
        new("Pipedrive", "pipedrive", CrmObjectType.Stage, "stage.yaml", ["Deal - ID", "Deal - Title", "Deal - Status", "Deal - Stage", "Deal - Value"]),
        new("Zoho CRM", "zoho", CrmObjectType.Stage, "stage.yaml", ["Record Id", "Deal Owner.id", "Deal Name", "Stage"]),
        new("Odoo", "odoo", CrmObjectType.Stage, "stage.yaml", OdooLeads),
    ];

    /// <summary>The layout <paramref name="header"/> matches best: every marker of it present, and the most markers
    /// among those that match; <c>null</c> when none matches. <paramref name="type"/>, when given, prefers that object
    /// type's layouts (Odoo's one <c>res_partner.csv</c> holds accounts and contacts; stages derive from deals).</summary>
    /// <param name="header">The export's column names.</param>
    /// <param name="type">The object type the export is for, when known.</param>
    public static RecognizedExport? Recognize(IReadOnlyCollection<string> header, CrmObjectType? type = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var matches = All
            .Where(layout => layout.Markers.All(columns.Contains))
            .Select(layout => new RecognizedExport(layout, layout.Markers.Count))
            .ToList();
        var best = Best(matches.Where(m => type is null || m.Layout.Type == type)) ?? Best(matches);
        if (best is null || type is null || best.Layout.Type == type)
        {
            return best;
        }

        // The header is this CRM's, for another type: the file of the requested type in the same set, if any.
        var sameCrm = All.FirstOrDefault(l => l.Folder == best.Layout.Folder && l.Type == type);
        return sameCrm is null ? best : new RecognizedExport(sameCrm, best.MarkersFound);
    }

    /// <summary>The other object types the same export feeds in <paramref name="recognized"/>'s ready-made set: Odoo's
    /// <c>res_partner.csv</c> holds accounts and contacts, its <c>crm_lead.csv</c> deals and leads, and a deals export
    /// gives the stages when no stage export is at hand (SPEC.md, "stages derived from deals").</summary>
    /// <param name="header">The export's column names.</param>
    /// <param name="recognized">The layout the export was recognised as.</param>
    public static IReadOnlyList<ExportLayout> AlsoFedBy(IReadOnlyCollection<string> header, ExportLayout recognized)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(recognized);
        var columns = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        return [.. All
            .Where(l => l.Folder == recognized.Folder && l.Type != recognized.Type && l.Markers.All(columns.Contains))
            .DistinctBy(l => l.Type)];
    }

    // The first of those with the most markers: the listing order breaks ties.
    private static RecognizedExport? Best(IEnumerable<RecognizedExport> matches) =>
        matches.Aggregate((RecognizedExport?)null, (best, m) => best is null || m.MarkersFound > best.MarkersFound ? m : best);
}
