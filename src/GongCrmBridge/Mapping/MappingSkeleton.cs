using System.Text;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Onboarding;
using GongCrmBridge.Validation;
using static GongCrmBridge.Onboarding.YamlScalars;

namespace GongCrmBridge.Mapping;

/// <summary>Writes a starting mapping from an export's header and first rows (<c>gongbridge init</c>): obvious
/// columns mapped, dates with the layouts the values use, numbers with their culture, a status map from the values'
/// won/lost words, and every other column as a commented custom-field line. What it writes loads as written, and
/// each commented line loads once uncommented (<c>fields:</c> and <c>customFields:</c> are always keys).</summary>
public static class MappingSkeleton
{
    private static readonly Dictionary<string, string[]> StandardGuesses = new(StringComparer.Ordinal)
    {
        ["emailAddress"] = ["email", "emailaddress", "mail", "workemail", "primaryemail", "personemail", "emailfrom"],
        ["firstName"] = ["firstname", "first", "givenname", "personfirstname"],
        ["lastName"] = ["lastname", "last", "surname", "familyname", "personlastname"],
        ["title"] = ["title", "jobtitle", "designation"],
        ["phoneNumber"] = ["phone", "phonenumber", "telephone", "workphone", "businessphone", "personphone"],
        ["accountId"] = ["accountid", "companyid", "recordidcompany", "accountnameid", "partneridid", "account"],
        ["ownerId"] = ["ownerid", "owner", "userid", "dealowner", "opportunityowner", "dealownerid", "useridid"],
        ["closeDate"] = ["closedate", "expectedclosedate", "closedat", "closingdate", "estclosedate", "dealexpectedclosedate", "datedeadline"],
        ["createdDate"] = ["createddate", "createdat", "created", "createdon", "createdate", "createdtime", "dealdealcreated"],
        ["amount"] = ["amount", "dealamount", "value", "dealvalue", "estrevenue", "expectedrevenue"],
        ["stage"] = ["stage", "stagename", "dealstage", "pipelinephase"],
        ["status"] = ["status", "dealstatus"],
        ["domains"] = ["website", "domain", "domains", "companydomain", "companydomainname", "web"],
        ["isActive"] = ["isactive", "active"],
        ["sortOrder"] = ["sortorder", "order", "position", "displayorder"],
        ["convertedToDealId"] = ["converteddealid", "convertedopportunityid", "convertedtodealid"],
        ["convertedToContactId"] = ["convertedcontactid", "convertedtocontactid"],
        ["convertedToAccountId"] = ["convertedaccountid", "convertedtoaccountid"],
    };

    private static readonly string[] ModifiedGuesses =
        ["lastmodifieddate", "lastmodified", "modifieddate", "modified", "updatedat", "lastupdated", "updated", "systemmodstamp",
         "lastmodifiedat", "modifiedat", "modifiedon", "lastmodifiedon", "donotmodifymodifiedon", "modifiedtime", "writedate", "updatetime"];

    /// <summary>A mapping from the header alone (no rows to learn layouts from).</summary>
    public static string Create(CrmObjectType type, IReadOnlyList<string> header, string sourceFileName) =>
        Create(type, new ExportSample(header, []), sourceFileName);

    /// <summary>Returns the text of a mapping file for <paramref name="type"/> that reads the export sampled in
    /// <paramref name="sample"/>.</summary>
    /// <param name="type">The object type.</param>
    /// <param name="sample">The export's header and first rows.</param>
    /// <param name="sourceFileName">The export's file name, quoted in the comment at the top.</param>
    public static string Create(CrmObjectType type, ExportSample sample, string sourceFileName)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var picker = new ColumnPicker(sample);
        var typeWords = TypeWords(type);
        var text = new StringBuilder();
        text.Append("# Mapping for ").Append(type.ToWireName()).Append(", proposed by `gongbridge init` from ").Append(sourceFileName)
            .Append(" (").Append(sample.RowCount).Append(" rows read)\n");
        text.Append("# Check every guess; `gongbridge validate` shows what the mapping makes of the whole export.\n");
        text.Append("objectType: ").Append(type.ToWireName()).Append('\n');

        var objectId = picker.Pick(["id", .. typeWords.Select(w => w + "id"), "recordid", "objectid", "externalid", .. typeWords.Select(w => w + "key")])
                       ?? picker.PickWhere(key => key.StartsWith("donotmodify", StringComparison.Ordinal) && key is not "donotmodifyrowchecksum" and not "donotmodifymodifiedon");
        text.Append(objectId is null ? "objectId: Id   # TODO: the column holding the record's unique id\n" : $"objectId: {Scalar(objectId.Name)}\n");

        var modified = picker.Pick(ModifiedGuesses) ?? picker.PickWhere(key => ModifiedGuesses.Any(g => key.EndsWith(g, StringComparison.Ordinal)));
        text.Append(modified is null
            ? "modifiedDate: { value: now }   # TODO: no modification column found: each run sends its start time\n"
            : $"modifiedDate: {ColumnSpecs.Date(modified, null)}\n");

        AppendDeleted(text, picker, type);
        text.Append(objectId is null
            ? "# url: { template: \"https://crm.example.com/records/{Id}\" }\n"
            : $"# url: {{ template: \"https://crm.example.com/{typeWords[0]}/{{{objectId.Name}}}\" }}\n");

        text.Append("fields:\n");
        foreach (var field in GongFieldCatalog.StandardFields(type))
        {
            text.Append(StandardField(field.Name, type, picker, typeWords)).Append('\n');
        }

        AppendOthers(text, type, sample, picker);
        return text.ToString();
    }

    private static void AppendDeleted(StringBuilder text, ColumnPicker picker, CrmObjectType type)
    {
        if (picker.Pick(["isdeleted", "deleted"]) is { } deleted)
        {
            text.Append("isDeleted: { column: ").Append(Scalar(deleted.Name)).Append(" }\n");
        }
        else if (type != CrmObjectType.Stage && picker.Find(["isactive", "active"]) is { } active &&
                 ValueTraits.AreBooleans(active.Distinct, nameSaysBoolean: true))
        {
            picker.Use(active);
            text.Append("isDeleted: ").Append(ColumnSpecs.Inverted(active)).Append("   # inactive records are sent as deleted\n");
        }
        else
        {
            text.Append("# isDeleted: { column: IsDeleted }\n");
        }
    }

    private static string StandardField(string field, CrmObjectType type, ColumnPicker picker, string[] typeWords)
    {
        if (field == "status")
        {
            return "  " + StatusProposal.For(picker);
        }

        var candidates = field == "name"
            ? ["name", .. typeWords.Select(w => w + "name"), .. typeWords.Select(w => w + "title"), "fullname", "topic", "title"]
            : StandardGuesses.GetValueOrDefault(field, [ColumnSpecs.Normalize(field)]);
        if (field == "stage" && type == CrmObjectType.Deal && picker.Find(candidates) is { } stageColumn)
        {
            // The status may read the same column: the stage reads it too.
            return $"  stage: {{ column: {Scalar(stageColumn.Name)}, transform: [trim, lower, slug] }}";
        }

        var column = picker.Pick(candidates);
        if (column is null)
        {
            return $"  # {field}: ColumnName";
        }

        var name = Scalar(column.Name);
        return "  " + field + ": " + field switch
        {
            "domains" => $"{{ column: {name}, transform: [domain] }}",
            "emailAddress" => $"{{ column: {name}, transform: [trim, lower] }}",
            "closeDate" => ColumnSpecs.Date(column, "date"),
            "createdDate" => ColumnSpecs.Date(column, "datetime"),
            "amount" => ColumnSpecs.Number(column, "number"),
            "stage" => $"{{ column: {name}, transform: [trim, lower, slug] }}",
            "isActive" => $"{{ column: {name}, type: boolean }}",
            "sortOrder" => $"{{ column: {name}, type: integer }}",
            _ => name,
        };
    }

    private static void AppendOthers(StringBuilder text, CrmObjectType type, ExportSample sample, ColumnPicker picker)
    {
        var rest = picker.Unused.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (rest.Count == 0)
        {
            return;
        }

        if (!type.AcceptsSchema())
        {
            text.Append("# Columns not used (").Append(type.ToWireName()).Append(" takes no custom fields): ")
                .Append(string.Join(", ", rest.Select(c => c.Name))).Append('\n');
            return;
        }

        var names = new CustomFieldNames([.. GongFieldCatalog.CommonKeys, .. GongFieldCatalog.StandardFields(type).Select(f => f.Name)]);
        text.Append("# Other columns: uncomment a line to send the column as a custom field (declared in Gong's schema).\n");
        text.Append("customFields:\n");
        foreach (var column in rest)
        {
            text.Append("  # ").Append(ColumnSpecs.Custom(names.For(column.Name), column, sample.RowCount)).Append('\n');
        }
    }

    private static string[] TypeWords(CrmObjectType type) => type switch
    {
        CrmObjectType.BusinessUser => ["user", "businessuser", "owner"],
        CrmObjectType.Stage => ["stage", "dealstage"],
        CrmObjectType.Account => ["account", "company", "organization"],
        CrmObjectType.Contact => ["contact", "person"],
        CrmObjectType.Deal => ["deal", "opportunity"],
        _ => ["lead"],
    };
}
