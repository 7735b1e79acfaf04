// Compiled by SimTenant.psm1 (Add-Type; cached in tests/powershell/.build/). Types the engine needs
// fast or with a real .NET identity: the REST error the Teams ConfigAPI and Microsoft Graph
// PowerShell cmdlets throw (an exception carrying a real HttpResponseMessage), and a JSON reader/
// writer whose output is byte-identical to Node's JSON.stringify(value, null, 2) + "\n".
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace SimTenant
{
    // Shape of the AutoRest RestException (Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Runtime /
    // Microsoft.Graph.PowerShell.Runtime): Message, Response (HttpResponseMessage), Request, Code.
    public class RestException : Exception
    {
        public HttpResponseMessage Response { get; private set; }
        public HttpRequestMessage Request { get; private set; }
        public string Code { get; private set; }
        public int StatusCode { get { return (int)Response.StatusCode; } }

        public RestException(int status, string code, string message, string method, string uri, int retryAfterSeconds)
            : base(message)
        {
            Code = code;
            Request = new HttpRequestMessage(new HttpMethod(method), uri);
            Response = new HttpResponseMessage((HttpStatusCode)status);
            Response.RequestMessage = Request;
            Response.ReasonPhrase = ReasonFor(status);
            Response.Content = new StringContent(
                "{\"error\":{\"code\":" + Json.Quote(code) + ",\"message\":" + Json.Quote(message) + "}}",
                Encoding.UTF8, "application/json");
            if (retryAfterSeconds >= 0) Response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        }

        static string ReasonFor(int status)
        {
            switch (status)
            {
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 409: return "Conflict";
                case 429: return "Too Many Requests";
                case 500: return "Internal Server Error";
                case 501: return "Not Implemented";
                case 503: return "Service Unavailable";
                default: return "Error";
            }
        }
    }

    // Containers for the tenant state. Values a PowerShell function returns come wrapped in a
    // PSObject; a state that mixes wrapped and bare containers trips PowerShell's binder
    // ("Argument types do not match" in @(...)), so everything stored goes through Base().
    public static class Data
    {
        public static OrderedDictionary NewMap() { return new OrderedDictionary(StringComparer.OrdinalIgnoreCase); }
        public static List<object> NewList() { return new List<object>(); }

        // What PowerShell's @(value) gives, without its binder (which fails with "Argument types do
        // not match" when one call site sees both PSObject-wrapped and bare lists).
        public static object[] Items(object value)
        {
            var ps = value as System.Management.Automation.PSObject;
            if (ps != null && !(ps.BaseObject is System.Management.Automation.PSCustomObject)) value = ps.BaseObject;
            if (value == null) return new object[0];
            if (value is string || value is IDictionary || value is System.Management.Automation.PSObject) return new object[] { value };
            var en = value as IEnumerable;
            if (en == null) return new object[] { value };
            var list = new List<object>();
            foreach (var item in en) list.Add(item);
            return list.ToArray();
        }

        public static object Unwrap(object value)
        {
            var ps = value as System.Management.Automation.PSObject;
            return ps != null && !(ps.BaseObject is System.Management.Automation.PSCustomObject) ? ps.BaseObject : value;
        }

        // '+12065550100', '12065550100', 'tel:+12065550100' -> '+12065550100' (an ';ext=' part is kept).
        public static string NumberKey(object number)
        {
            if (number == null) return "";
            var text = System.Convert.ToString(Unwrap(number), CultureInfo.InvariantCulture).Trim();
            if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) text = text.Substring(4);
            if (text.Length > 0 && text[0] != '+') text = "+" + text;
            return text;
        }

        static string Str(IDictionary d, string key)
        {
            if (d == null || !d.Contains(key) || d[key] == null) return null;
            return System.Convert.ToString(d[key], CultureInfo.InvariantCulture);
        }

        // The engine's hashtable indexes (objectId, UPN, number, target, SKU, group, memberships),
        // built in one pass so 100,000 users load in seconds.
        public static Hashtable BuildIndexes(IDictionary state)
        {
            var ci = StringComparer.OrdinalIgnoreCase;
            var usersById = new Dictionary<string, object>(ci);
            var usersByUpn = new Dictionary<string, object>(ci);
            var numbers = new Dictionary<string, object>(ci);
            var byTarget = new Dictionary<string, List<object>>(ci);
            var skus = new Dictionary<string, object>(ci);
            var groups = new Dictionary<string, object>(ci);
            var members = new Dictionary<string, HashSet<string>>(ci);
            var userGroups = new Dictionary<string, List<string>>(ci);
            foreach (var item in Items(state["users"]))
            {
                var user = item as IDictionary; if (user == null) continue;
                var id = Str(user, "objectId"); var upn = Str(user, "userPrincipalName");
                if (id != null) usersById[id] = user;
                if (upn != null) usersByUpn[upn] = user;
            }
            foreach (var item in Items(state["phoneNumbers"]))
            {
                var number = item as IDictionary; if (number == null) continue;
                numbers[NumberKey(number["telephoneNumber"])] = number;
                var target = Str(number, "assignedPstnTargetId");
                if (!string.IsNullOrEmpty(target))
                {
                    List<object> list;
                    if (!byTarget.TryGetValue(target, out list)) { list = new List<object>(); byTarget[target] = list; }
                    list.Add(number);
                }
            }
            foreach (var item in Items(state["skus"]))
            {
                var sku = item as IDictionary; if (sku == null) continue;
                var id = Str(sku, "skuId"); if (id != null) skus[id] = sku;
            }
            foreach (var item in Items(state["groups"]))
            {
                var group = item as IDictionary; if (group == null) continue;
                var id = Str(group, "id"); if (id == null) continue;
                groups[id] = group;
                var set = new HashSet<string>(ci);
                foreach (var m in Items(group.Contains("members") ? group["members"] : null))
                {
                    if (m == null) continue;
                    var mid = System.Convert.ToString(Unwrap(m), CultureInfo.InvariantCulture);
                    set.Add(mid);
                    List<string> of;
                    if (!userGroups.TryGetValue(mid, out of)) { of = new List<string>(); userGroups[mid] = of; }
                    of.Add(id);
                }
                members[id] = set;
            }
            var result = new Hashtable(StringComparer.OrdinalIgnoreCase);
            result["UsersById"] = usersById; result["UsersByUpn"] = usersByUpn; result["Numbers"] = numbers;
            result["NumbersByTarget"] = byTarget; result["Skus"] = skus; result["Groups"] = groups;
            result["GroupMembers"] = members; result["UserGroups"] = userGroups;
            return result;
        }

        public static object Base(object value)
        {
            var ps = value as System.Management.Automation.PSObject;
            if (ps != null && !(ps.BaseObject is System.Management.Automation.PSCustomObject)) value = ps.BaseObject;
            var dict = value as IDictionary;
            if (dict != null)
            {
                var keys = new List<object>();
                foreach (var k in dict.Keys) keys.Add(k);
                foreach (var k in keys) dict[k] = Base(dict[k]);
                return dict;
            }
            if (value is string) return value;
            var array = value as Array;
            if (array != null)
            {
                var list = new List<object>();
                foreach (var item in array) list.Add(Base(item));
                return list;
            }
            var ilist = value as IList;
            if (ilist != null && !ilist.IsReadOnly)
            {
                for (int i = 0; i < ilist.Count; i++) ilist[i] = Base(ilist[i]);
                return ilist;
            }
            return value;
        }
    }

    // Output objects built in one pass (Get-CsOnlineUser runs once per user in the scripts: at
    // 100,000 users the PowerShell version of this was the engine's hot spot). Property names and
    // sources: README.md, "Output properties the scripts read".
    public static class Views
    {
        static readonly string[] PolicyTypes = { "TeamsSharedCallingRoutingPolicy", "TeamsEmergencyCallRoutingPolicy", "OnlineVoiceRoutingPolicy" };

        static string S(IDictionary d, string key)
        {
            if (d == null || !d.Contains(key)) return null;
            var v = Data.Unwrap(d[key]);
            return v == null ? null : System.Convert.ToString(v, CultureInfo.InvariantCulture);
        }

        static bool B(IDictionary d, string key)
        {
            if (d == null || !d.Contains(key)) return false;
            var v = Data.Unwrap(d[key]);
            if (v is bool) return (bool)v;
            return v != null && System.Convert.ToBoolean(v, CultureInfo.InvariantCulture);
        }

        static void Add(System.Management.Automation.PSObject o, string name, object value)
        {
            o.Properties.Add(new System.Management.Automation.PSNoteProperty(name, value));
        }

        // Enabled service plans of a user: its SKUs' plans minus the disabled ones.
        public static List<IDictionary> ServicePlans(IDictionary user, IDictionary skus)
        {
            var plans = new List<IDictionary>();
            foreach (var item in Data.Items(user.Contains("assignedLicenses") ? user["assignedLicenses"] : null))
            {
                var licence = Data.Unwrap(item) as IDictionary; if (licence == null) continue;
                var skuId = S(licence, "skuId"); if (skuId == null || !skus.Contains(skuId)) continue;
                var sku = Data.Unwrap(skus[skuId]) as IDictionary; if (sku == null) continue;
                var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var d in Data.Items(licence.Contains("disabledPlans") ? licence["disabledPlans"] : null)) if (d != null) disabled.Add(System.Convert.ToString(Data.Unwrap(d), CultureInfo.InvariantCulture));
                foreach (var planItem in Data.Items(sku.Contains("servicePlans") ? sku["servicePlans"] : null))
                {
                    var plan = Data.Unwrap(planItem) as IDictionary; if (plan == null) continue;
                    if (disabled.Contains(S(plan, "servicePlanId") ?? "")) continue;
                    plans.Add(plan);
                }
            }
            return plans;
        }

        static string Feature(string plan)
        {
            if (plan == null) return null;
            if (plan == "TEAMS1") return "Teams";
            if (plan == "MCOEV") return "PhoneSystem";
            if (plan == "MCOEV_VIRTUALUSER") return "VoiceApp";
            if (plan.StartsWith("MCOPSTNC", StringComparison.Ordinal)) return "CommunicationCredits";
            if (plan.StartsWith("MCOPSTN", StringComparison.Ordinal)) return "CallingPlan";
            if (plan == "MCOMEETADV") return "AudioConferencing";
            return null;
        }

        static object PolicyValue(string name, string form)
        {
            if (string.IsNullOrEmpty(name)) return null;
            if (form == "tag") return "Tag:" + name;
            if (form == "object")
            {
                var o = new System.Management.Automation.PSObject();
                Add(o, "Name", name); Add(o, "Authority", "Tenant");
                return o;
            }
            return name;
        }

        public static System.Management.Automation.PSObject OnlineUser(IDictionary user, IDictionary state, IDictionary skus, IDictionary userGroups, string policyForm, bool skipPolicies)
        {
            var o = new System.Management.Automation.PSObject();
            var upn = S(user, "userPrincipalName") ?? "";
            var objectId = S(user, "objectId") ?? "";
            var accountType = S(user, "accountType") ?? "User";
            var plans = ServicePlans(user, skus);
            var assigned = new List<object>();
            var features = new List<string>();
            foreach (var plan in plans)
            {
                var ap = new System.Management.Automation.PSObject();
                Add(ap, "AssignedTimestamp", "2026-01-01T00:00:00Z"); Add(ap, "Capability", S(plan, "servicePlanName"));
                Add(ap, "CapabilityStatus", "Enabled"); Add(ap, "ServiceInstance", "MicrosoftCommunicationsOnline/NOAM-4A-S7");
                Add(ap, "ServicePlanId", S(plan, "servicePlanId"));
                assigned.Add(ap);
                var f = Feature(S(plan, "servicePlanName"));
                if (f != null && !features.Contains(f)) features.Add(f);
            }
            string interpreted = accountType == "ResourceAccount" ? "PureOnlineApplicationInstance" : accountType == "Guest" ? "PureOnlineTeamsOnlyUserGuest" : "PureOnlineTeamsOnlyUser";
            var tenant = state["tenant"] as IDictionary;
            var lineUri = S(user, "lineUri");
            Add(o, "Identity", objectId);
            Add(o, "UserPrincipalName", upn);
            Add(o, "Alias", upn.Split('@')[0]);
            Add(o, "AccountEnabled", B(user, "accountEnabled"));
            Add(o, "DisplayName", S(user, "displayName"));
            Add(o, "AccountType", accountType);
            Add(o, "InterpretedUserType", interpreted);
            Add(o, "SipAddress", "sip:" + upn);
            Add(o, "TenantId", S(tenant, "tenantId"));
            Add(o, "UsageLocation", S(user, "usageLocation"));
            Add(o, "EnterpriseVoiceEnabled", B(user, "enterpriseVoiceEnabled"));
            Add(o, "LineUri", string.IsNullOrEmpty(lineUri) ? null : lineUri);
            Add(o, "FeatureTypes", features.ToArray());
            Add(o, "AssignedPlan", assigned.ToArray());
            Add(o, "HideFromAddressLists", B(user, "hiddenFromAddressLists"));
            Add(o, "HostingProvider", "sipfed.online.lync.com");
            var effective = new List<object>();
            if (!skipPolicies)
            {
                var policies = Data.Unwrap(user.Contains("policies") ? user["policies"] : null) as IDictionary;
                var types = new List<string>(PolicyTypes);
                if (policies != null) foreach (var k in policies.Keys) { var t = System.Convert.ToString(k, CultureInfo.InvariantCulture); if (!types.Contains(t)) types.Add(t); }
                var assignments = Data.Items(state["groupPolicyAssignments"]);
                foreach (var item in assignments) { var a = Data.Unwrap(item) as IDictionary; var t = S(a, "policyType"); if (t != null && !types.Contains(t)) types.Add(t); }
                List<string> groups = null;
                if (userGroups.Contains(objectId)) groups = Data.Unwrap(userGroups[objectId]) as List<string>;
                foreach (var type in types)
                {
                    var direct = policies != null ? S(policies, type) : null;
                    // [PS-GPA] note: these properties show direct assignments only.
                    Add(o, type, PolicyValue(direct, policyForm));
                    string name = null, kind = null, groupId = null;
                    if (!string.IsNullOrEmpty(direct)) { name = direct; kind = "Direct"; }
                    else if (groups != null)
                    {
                        IDictionary best = null; long bestRank = long.MaxValue;
                        foreach (var item in assignments)
                        {
                            var a = Data.Unwrap(item) as IDictionary;
                            if (a == null || S(a, "policyType") != type || !groups.Contains(S(a, "groupId") ?? "")) continue;
                            long rank = System.Convert.ToInt64(Data.Unwrap(a["rank"]) ?? 0L, CultureInfo.InvariantCulture);
                            if (best == null || rank < bestRank) { best = a; bestRank = rank; }
                        }
                        if (best != null) { name = S(best, "policyName"); kind = "Group"; groupId = S(best, "groupId"); }
                    }
                    if (name != null)
                    {
                        var pa = new System.Management.Automation.PSObject();
                        Add(pa, "DisplayName", name); Add(pa, "AssignmentType", kind); Add(pa, "PolicyId", null); Add(pa, "GroupId", groupId);
                        var e = new System.Management.Automation.PSObject();
                        Add(e, "PolicyType", type); Add(e, "PolicyAssignment", pa);
                        effective.Add(e);
                    }
                }
            }
            Add(o, "EffectivePolicyAssignments", effective.ToArray());
            Add(o, "WhenCreated", "2026-01-01T00:00:00Z");
            return o;
        }
    }

    public static class Json
    {
        // Objects become OrderedDictionary (case-insensitive keys, like PowerShell [ordered]),
        // arrays List<object>, integers long, other numbers double.
        public static object Parse(string text)
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };
            using (var doc = JsonDocument.Parse(text, options)) return Convert(doc.RootElement);
        }

        static object Convert(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var o = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in e.EnumerateObject()) o[p.Name] = Convert(p.Value);
                    return o;
                case JsonValueKind.Array:
                    var list = new List<object>();
                    foreach (var item in e.EnumerateArray()) list.Add(Convert(item));
                    return list;
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number:
                    long l; if (e.TryGetInt64(out l)) return l;
                    return e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        // JSON.stringify(value, null, indent) (indent 0 = compact).
        public static string Serialize(object value, int indent)
        {
            var sb = new StringBuilder();
            Write(sb, value, indent, 0);
            return sb.ToString();
        }

        static object Unwrap(object value)
        {
            var ps = value as System.Management.Automation.PSObject;
            if (ps != null)
            {
                if (ps.BaseObject is System.Management.Automation.PSCustomObject)
                {
                    var o = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in ps.Properties) o[p.Name] = p.Value;
                    return o;
                }
                return Unwrap(ps.BaseObject);
            }
            return value;
        }

        static void Newline(StringBuilder sb, int indent, int level)
        {
            if (indent <= 0) return;
            sb.Append('\n');
            sb.Append(' ', indent * level);
        }

        static void Write(StringBuilder sb, object value, int indent, int level)
        {
            value = Unwrap(value);
            if (value == null) { sb.Append("null"); return; }
            if (value is string) { sb.Append(Quote((string)value)); return; }
            if (value is bool) { sb.Append((bool)value ? "true" : "false"); return; }
            if (value is System.Management.Automation.SwitchParameter) { sb.Append(((System.Management.Automation.SwitchParameter)value).IsPresent ? "true" : "false"); return; }
            if (value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is ushort || value is sbyte)
            { sb.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture)); return; }
            if (value is double || value is float || value is decimal)
            {
                double d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d)) { sb.Append("null"); return; }
                if (d == Math.Floor(d) && Math.Abs(d) < 1e15) sb.Append(((long)d).ToString(CultureInfo.InvariantCulture));
                else sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            }
            if (value is Guid || value is Enum || value is Uri || value is char) { sb.Append(Quote(value.ToString())); return; }
            if (value is DateTime) { sb.Append(Quote(((DateTime)value).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))); return; }
            if (value is System.Security.SecureString) { sb.Append(Quote("***")); return; }
            var dict = value as IDictionary;
            if (dict != null)
            {
                if (dict.Count == 0) { sb.Append("{}"); return; }
                sb.Append('{');
                bool first = true;
                IEnumerable keys = dict.Keys;
                if (!(dict is OrderedDictionary) && !(dict is System.Management.Automation.PSObject))
                {
                    // Hashtable: no insertion order, so sort the keys for a stable output.
                    var sorted = new List<string>();
                    foreach (var k in dict.Keys) sorted.Add(System.Convert.ToString(k, CultureInfo.InvariantCulture));
                    sorted.Sort(StringComparer.Ordinal);
                    keys = sorted;
                }
                foreach (var k in keys)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Newline(sb, indent, level + 1);
                    sb.Append(Quote(System.Convert.ToString(k, CultureInfo.InvariantCulture)));
                    sb.Append(indent > 0 ? ": " : ":");
                    Write(sb, dict[k], indent, level + 1);
                }
                Newline(sb, indent, level);
                sb.Append('}');
                return;
            }
            var en = value as IEnumerable;
            if (en != null)
            {
                var items = new List<object>();
                foreach (var item in en) items.Add(item);
                if (items.Count == 0) { sb.Append("[]"); return; }
                sb.Append('[');
                for (int i = 0; i < items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Newline(sb, indent, level + 1);
                    Write(sb, items[i], indent, level + 1);
                }
                Newline(sb, indent, level);
                sb.Append(']');
                return;
            }
            sb.Append(Quote(value.ToString()));
        }

        // The escaping of JSON.stringify: " \ \b \f \n \r \t, other controls as \u00xx, lone surrogates as \udxxx.
        public static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2);
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[i + 1]); i++; }
                            else sb.Append("\\u").Append(((int)c).ToString("x4"));
                        }
                        else if (char.IsLowSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
            return sb.ToString();
        }
    }

    // One simulated tenant per process. A script module's $script: state is per runspace, so the
    // runspaces of ForEach-Object -Parallel would each load their own tenant; the engine keeps its
    // state (the $script:Sim table of the first runspace that loads it) here instead, because a
    // type is loaded once per process and seen by every runspace. Every dispatched call holds Gate.
    //
    // Virtual clock with lanes: the owner runspace (the one that imported the engine first, the
    // script's main runspace) has the main clock. A call from any other runspace (a worker) runs
    // on that runspace's lane, which starts at the main clock's time and advances with its calls;
    // the owner's next call starts at the latest lane and closes them all. Modelled wall time is
    // therefore that of the slowest worker, as with real parallel calls.
    public static class Shared
    {
        public static readonly object Gate = new object();
        public static Hashtable Sim;
        private static Guid owner = Guid.Empty;
        private static double clock;
        private static readonly Dictionary<Guid, double> lanes = new Dictionary<Guid, double>();
        private static readonly List<double> throttleTimes = new List<double>();
        private static readonly HashSet<Guid> connectedRunspaces = new HashSet<Guid>();

        private static Guid Current()
        {
            var rs = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
            return rs == null ? Guid.Empty : rs.InstanceId;
        }

        // Called by the engine's top-level code in every runspace that imports it: the first one owns the main clock.
        public static void ClaimOwner()
        {
            lock (Gate) { if (owner == Guid.Empty) owner = Current(); }
        }

        public static bool IsOwner { get { lock (Gate) { return owner == Guid.Empty || owner == Current(); } } }

        public static int LaneCount { get { lock (Gate) { return lanes.Count; } } }

        // Sets the main clock (an earlier process's log continues it).
        public static void SetClock(double value) { lock (Gate) { clock = value; lanes.Clear(); } }

        // The time at which the caller's next call starts: the owner first joins every lane.
        public static double Begin()
        {
            lock (Gate)
            {
                var me = Current();
                if (owner == Guid.Empty || me == owner)
                {
                    foreach (var t in lanes.Values) if (t > clock) clock = t;
                    lanes.Clear();
                    return clock;
                }
                double lane;
                if (!lanes.TryGetValue(me, out lane)) { lane = clock; lanes[me] = lane; }
                return lane;
            }
        }

        // The caller's current time, without joining lanes (Get-Date, log entries).
        public static double Now()
        {
            lock (Gate)
            {
                var me = Current();
                double lane;
                if (owner != Guid.Empty && me != owner && lanes.TryGetValue(me, out lane)) return lane;
                return clock;
            }
        }

        // Advances the caller's clock (its lane, or the main clock) and returns the new time.
        public static double Advance(double seconds)
        {
            lock (Gate)
            {
                Begin();
                var me = Current();
                if (owner == Guid.Empty || me == owner) { clock += seconds; return clock; }
                lanes[me] = lanes[me] + seconds;
                return lanes[me];
            }
        }

        // Throttling window in virtual time: true when maxCalls calls fell within (now - window, now];
        // otherwise the call is counted. Lanes are not in step, so times are not monotonic: entries
        // older than the main clock minus the window (no lane is behind the main clock) are dropped.
        public static bool Throttled(double now, double window, int maxCalls)
        {
            lock (Gate)
            {
                double floor = clock - window;
                throttleTimes.RemoveAll(t => t <= floor);
                int inWindow = 0;
                foreach (var t in throttleTimes) if (t > now - window && t <= now) inWindow++;
                if (inWindow >= maxCalls) return true;
                throttleTimes.Add(now);
                return false;
            }
        }

        // behaviour.sessionPerRunspace: which runspaces called Connect-MicrosoftTeams themselves.
        public static void MarkConnected(bool connected)
        {
            lock (Gate) { if (connected) connectedRunspaces.Add(Current()); else connectedRunspaces.Clear(); }
        }

        public static bool ConnectedHere { get { lock (Gate) { return owner == Current() || connectedRunspaces.Contains(Current()); } } }

        public static void Enter() { System.Threading.Monitor.Enter(Gate); }
        public static void Exit() { System.Threading.Monitor.Exit(Gate); }
    }
}
