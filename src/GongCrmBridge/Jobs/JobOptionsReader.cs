using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Jobs;

/// <summary>Reads the job file's <c>options</c> node; a bad value is a problem at its node and keeps the default.</summary>
internal static class JobOptionsReader
{
    private static readonly string[] OptionKeys = ["maxFileMegabytes", "requestsPerSecond", "mode", "dailyCallBudget", "maxDeletePercent"];

    public static JobOptions Read(ConfigYaml yaml, YamlNode node)
    {
        var options = new JobOptions();
        if (node is not YamlMappingNode map)
        {
            yaml.Problem(node, "options must be a mapping");
            return options;
        }

        foreach (var (key, _, value) in yaml.Entries(map, "options", OptionKeys))
        {
            switch (key)
            {
                case "maxFileMegabytes":
                    {
                        var number = yaml.Number(value, "options.maxFileMegabytes");
                        if (number is null)
                        {
                            break;
                        }

                        if (number != Math.Floor(number.Value) || number < 1 || number > 200)
                        {
                            yaml.Problem(value, "options.maxFileMegabytes must be a whole number from 1 to 200 (Gong takes at most 200 MB per upload)");
                            break;
                        }

                        options = options with { MaxFileMegabytes = (int)number.Value };
                        break;
                    }

                case "requestsPerSecond":
                    {
                        var number = yaml.Number(value, "options.requestsPerSecond");
                        if (number is null)
                        {
                            break;
                        }

                        if (number <= 0 || double.IsNaN(number.Value) || double.IsInfinity(number.Value))
                        {
                            yaml.Problem(value, "options.requestsPerSecond must be more than 0 (Gong allows 3 per second unless raised)");
                            break;
                        }

                        options = options with { RequestsPerSecond = number.Value };
                        break;
                    }

                case "dailyCallBudget":
                    options = ReadDailyCallBudget(yaml, value, options);
                    break;

                case "maxDeletePercent":
                    options = ReadMaxDeletePercent(yaml, value, options);
                    break;

                default:
                    {
                        var text = yaml.Scalar(value, "options.mode")?.Trim();
                        if (string.Equals(text, "upsert", StringComparison.OrdinalIgnoreCase))
                        {
                            options = options with { Mode = SyncMode.Upsert };
                        }
                        else if (string.Equals(text, "mirror", StringComparison.OrdinalIgnoreCase))
                        {
                            options = options with { Mode = SyncMode.Mirror };
                        }
                        else if (text is not null)
                        {
                            yaml.Problem(value, "options.mode must be upsert or mirror");
                        }

                        break;
                    }
            }
        }

        return options;
    }

    private static JobOptions ReadDailyCallBudget(ConfigYaml yaml, YamlNode value, JobOptions options)
    {
        var number = yaml.Number(value, "options.dailyCallBudget");
        if (number is null)
        {
            return options;
        }

        if (number != Math.Floor(number.Value) || number < 1 || number > 100_000_000)
        {
            yaml.Problem(value, "options.dailyCallBudget must be a whole number of API calls per day, at least 1 (Gong's default is 10,000)");
            return options;
        }

        return options with { DailyCallBudget = (long)number.Value };
    }

    private static JobOptions ReadMaxDeletePercent(ConfigYaml yaml, YamlNode value, JobOptions options)
    {
        var number = yaml.Number(value, "options.maxDeletePercent");
        if (number is null)
        {
            return options;
        }

        if (number < 0 || number > 100 || double.IsNaN(number.Value))
        {
            yaml.Problem(value, "options.maxDeletePercent must be a percentage from 0 to 100");
            return options;
        }

        return options with { MaxDeletePercent = number.Value };
    }
}
