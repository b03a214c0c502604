using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// Draws one answer for one attempt: mostly the documented success body (so walks go deep and bulk
/// disables succeed), otherwise a fault: odd statuses, content types and retry headers; the documented
/// bodies mutated (fields deleted, nulled, type-swapped, duplicated, lone surrogates, nulls in arrays,
/// deep nesting, huge numbers) or cut short; random bytes; XML; HTML; multi-megabyte bodies; streams
/// that throw, stall or trickle; lying Content-Length.
/// </summary>
internal static class ResponseGenerator
{
    private static readonly int[] SuccessStatuses = { 200, 200, 200, 200, 201, 202, 203, 204, 206, 299 };
    private static readonly int[] ErrorStatuses = { 400, 401, 403, 404, 404, 409, 429, 499, 500, 500, 502, 503, 503, 504, 599 };
    private static readonly int[] OddStatuses = { 0, 1, 100, 101, 199, 300, 301, 302, 304, 399, 418, 600, 999 };

    private static readonly string?[] ContentTypes =
    {
        "application/json; charset=utf-8", "application/json", "text/xml;charset=utf-8", "text/html; charset=utf-8",
        "text/plain", "application/octet-stream", null, "application/json; charset=bogus", "garbage", "application/problem+json",
    };

    private static readonly string[] RequestIds = { "REQ-hdr-1", string.Empty, "   ", "请求-id", "\u0001\u007f", "a,b", "x-acs-request-id" };

    private static readonly string[] AcsRetryAfter =
    {
        "-1", "0", "1", "5", "1000", "86400000", "922337203685478", "922337203685477", "9223372036854775807",
        "99999999999999999999", "abc", string.Empty, "1.5", " 10", "+5", "0x10", "1e3", "10, 20", "２",
    };

    private static readonly string[] RetryAfter =
    {
        "-5", "0", "1", "120", "99999999999", "2147483648", "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
        "garbage", string.Empty, "1.5", "-0",
    };

    private static readonly string[] OddTokens =
    {
        "\u0013", " ", "\t", "AAAAAdDWBF2****", "+/=&%?#", "tök-ěn", "🚀", "null", "\u0000", "\ud800", "a\u2028b", "\u00a0",
    };

    /// <summary>IDs a listing may carry that a caller could not have typed: the client's own input rules do not apply to them.</summary>
    private static readonly string[] OddIds =
    {
        "\u0013", " ", "act\u0000x", new string('i', 300), "act-🚀", "act\u2028x", "\u00a0",
    };

    /// <summary>The fault categories and their weights.</summary>
    private static readonly (string Name, int Weight)[] Faults =
    {
        ("doc-mutated", 22), ("doc-wrong-status", 10), ("error", 14), ("error-mutated", 6), ("bytes-mutated", 8),
        ("other-action", 5), ("random-bytes", 5), ("lone-surrogate", 5), ("deep-nesting", 3), ("huge-number", 3),
        ("truncated", 5), ("xml", 5), ("html", 4), ("empty-ish", 4), ("echo-token", 1),
    };

    private static readonly int FaultWeight = Faults.Sum(f => f.Weight);

    public static FuzzResponse Generate(Random r, FuzzWorld world, FuzzRequest request)
    {
        FuzzResponse response;
        bool forcedEnd = request.DescribeSerial >= FuzzWorld.DescribeBudget;
        if (forcedEnd || r.NextDouble() >= world.FaultRate)
        {
            response = Valid(r, world, request, allowToken: !forcedEnd);
            if (!forcedEnd && r.Next(10) == 0)
            {
                AddHeaders(r, response);
            }
        }
        else
        {
            response = Fault(r, world, request);
        }

        if (world.MayCancelCaller && r.Next(3) == 0)
        {
            response.CancelCaller = true;
        }

        return response;
    }

    /// <summary>The documented success body of the action, with a 2xx.</summary>
    private static FuzzResponse Valid(Random r, FuzzWorld world, FuzzRequest request, bool allowToken)
    {
        JObj body = ValidTree(r, world, request, allowToken, out string shape);
        return new FuzzResponse
        {
            Status = r.Next(8) == 0 ? SuccessStatuses[r.Next(SuccessStatuses.Length)] : 200,
            ContentType = r.Next(6) == 0 ? ContentTypes[r.Next(ContentTypes.Length)] : "application/json; charset=utf-8",
            Body = body.ToUtf8(),
            BodyShape = shape,
        };
    }

    private static JObj ValidTree(Random r, FuzzWorld world, FuzzRequest request, bool allowToken, out string shape)
    {
        string id = request.ActivationId.Length > 0 ? request.ActivationId : "act-" + world.Seed.ToString("x", CultureInfo.InvariantCulture);
        switch (request.Action)
        {
            case "DisableActivation":
                shape = "valid Disable body";
                return DocumentedBodies.Disable(r, id);
            case "DeleteActivation":
                shape = "valid Delete body";
                return DocumentedBodies.Delete(r, id);
            case "CreateActivation":
                shape = "valid Create body";
                return DocumentedBodies.Create(r, "act-new-" + world.Seed.ToString("x", CultureInfo.InvariantCulture));
            default:
                var items = new List<(string, bool)>();
                int count = r.Next(0, 6);
                for (int j = 0; j < count; j++)
                {
                    string listed = r.Next(40) == 0 ? OddIds[r.Next(OddIds.Length)] : $"act-{world.Seed:x}-{request.DescribeSerial}-{j}";
                    items.Add((listed, r.Next(3) == 0));
                }

                if (count > 0 && request.DescribeSerial > 0 && r.Next(8) == 0)
                {
                    items.Add(($"act-{world.Seed:x}-0-0", false)); // listed again on a later page
                }

                string? token = null;
                if (allowToken && world.TakeTokenPage())
                {
                    token = r.Next(5) == 0 ? OddTokens[r.Next(OddTokens.Length)] : $"AAAAAd{request.DescribeSerial}x{r.Next():x}";
                }

                shape = token is null ? $"valid last page ({count} codes)" : $"valid page ({count} codes, NextToken={FuzzResponse.Printable(token, 20)})";
                return DocumentedBodies.Page(r, items, token);
        }
    }

    private static FuzzResponse Fault(Random r, FuzzWorld world, FuzzRequest request)
    {
        var response = new FuzzResponse { Status = AnyStatus(r), ContentType = ContentTypes[r.Next(ContentTypes.Length)] };
        if (r.Next(1500) == 0)
        {
            response.Category = "multi-megabyte";
            MultiMegabyte(r, world, request, response);
        }
        else
        {
            response.Category = Pick(r);
            switch (response.Category)
            {
                case "doc-mutated":
                {
                    JObj tree = ValidTree(r, world, request, allowToken: true, out _);
                    string what = Mutate(r, tree);
                    response.Status = r.Next(4) == 0 ? AnyStatus(r) : 200;
                    response.Body = tree.ToUtf8();
                    response.BodyShape = $"doc-mutated {request.Action} body: {what}";
                    break;
                }

                case "doc-wrong-status":
                {
                    JObj tree = ValidTree(r, world, request, allowToken: true, out string shape);
                    response.Status = r.Next(4) == 0 ? OddStatuses[r.Next(OddStatuses.Length)] : ErrorStatuses[r.Next(ErrorStatuses.Length)];
                    response.Body = tree.ToUtf8();
                    response.BodyShape = "non-2xx with " + shape;
                    break;
                }

                case "error":
                {
                    string code = DocumentedBodies.ErrorCodes[r.Next(DocumentedBodies.ErrorCodes.Length)];
                    response.Status = r.Next(6) == 0 ? SuccessStatuses[r.Next(SuccessStatuses.Length)] : ErrorStatuses[r.Next(ErrorStatuses.Length)];
                    response.Body = DocumentedBodies.Error(r, code, DocumentedBodies.ErrorMessage(r, code)).ToUtf8();
                    response.BodyShape = $"error body Code={FuzzResponse.Printable(code, 30)}";
                    break;
                }

                case "error-mutated":
                {
                    string code = DocumentedBodies.ErrorCodes[r.Next(DocumentedBodies.ErrorCodes.Length)];
                    JObj tree = DocumentedBodies.Error(r, code, DocumentedBodies.ErrorMessage(r, code));
                    if (r.Next(4) == 0)
                    {
                        tree.Add("ActivationCode", JLit.Str(DocumentedBodies.ActivationCodeCanary)); // a secret field next to the error fields
                    }

                    string what = Mutate(r, tree);
                    response.Status = ErrorStatuses[r.Next(ErrorStatuses.Length)];
                    response.Body = tree.ToUtf8();
                    response.BodyShape = $"error body Code={FuzzResponse.Printable(code, 30)} mutated: {what}";
                    break;
                }

                case "bytes-mutated":
                {
                    JObj tree = ValidTree(r, world, request, allowToken: true, out string shape);
                    response.Status = r.Next(3) == 0 ? AnyStatus(r) : 200;
                    response.Body = MutateBytes(r, tree.ToString(), out string what);
                    response.BodyShape = $"{shape}, bytes {what}";
                    break;
                }

                case "other-action":
                {
                    string[] actions = { "CreateActivation", "DisableActivation", "DeleteActivation", "DescribeActivations" };
                    string other = actions[r.Next(actions.Length)];
                    JObj tree = ValidTree(r, world, request with { Action = other }, allowToken: false, out string shape);
                    response.Body = tree.ToUtf8();
                    response.BodyShape = $"{shape} (answering {request.Action})";
                    break;
                }

                case "random-bytes":
                    response.Body = RandomBytes(r, out string kind);
                    response.BodyShape = "random bytes: " + kind;
                    break;

                case "lone-surrogate":
                    LoneSurrogate(r, world, request, response);
                    break;

                case "deep-nesting":
                    response.Body = Encoding.UTF8.GetBytes(DeepNesting(r, out string deep));
                    response.BodyShape = "deep nesting: " + deep;
                    break;

                case "huge-number":
                    response.Body = Encoding.UTF8.GetBytes(HugeNumbers(r, out string huge));
                    response.Status = r.Next(2) == 0 ? 200 : response.Status;
                    response.BodyShape = "huge number: " + huge;
                    break;

                case "truncated":
                {
                    bool error = r.Next(3) == 0;
                    JObj tree = error ? DocumentedBodies.Error(r, "InternalError", "m") : ValidTree(r, world, request, allowToken: true, out _);
                    byte[] full = tree.ToUtf8();
                    int cut = r.Next(full.Length);
                    response.Body = full.AsSpan(0, cut).ToArray();
                    response.Status = error ? ErrorStatuses[r.Next(ErrorStatuses.Length)] : r.Next(3) == 0 ? AnyStatus(r) : 200;
                    response.BodyShape = $"{(error ? "error" : request.Action)} body truncated at {cut}/{full.Length}";
                    break;
                }

                case "xml":
                    response.Body = Encoding.UTF8.GetBytes(Xml(r, request, out string xml));
                    response.ContentType = r.Next(2) == 0 ? "text/xml;charset=utf-8" : response.ContentType;
                    response.BodyShape = "xml: " + xml;
                    break;

                case "html":
                    response.Body = Encoding.UTF8.GetBytes(Html(r, out string html));
                    response.ContentType = r.Next(2) == 0 ? "text/html" : response.ContentType;
                    response.Status = r.Next(3) == 0 ? 200 : response.Status;
                    response.BodyShape = "html: " + html;
                    break;

                case "empty-ish":
                {
                    string[] bodies = { string.Empty, " ", "\r\n", "null", "[]", "{}", "\"x\"", "0", "true", "[null]", "\0" };
                    int i = r.Next(bodies.Length + 1);
                    if (i == bodies.Length)
                    {
                        response.NoContent = true;
                        response.BodyShape = "no content object";
                    }
                    else
                    {
                        response.Body = Encoding.UTF8.GetBytes(bodies[i]);
                        response.BodyShape = "tiny body " + FuzzResponse.Printable(bodies[i], 10);
                    }

                    response.Status = r.Next(2) == 0 ? 200 : response.Status;
                    break;
                }

                case "echo-token":
                {
                    if (request.Action == "DescribeActivations" && request.NextToken is not null)
                    {
                        var page = DocumentedBodies.Page(r, new[] { ($"act-{world.Seed:x}-{request.DescribeSerial}-e", false) }, request.NextToken);
                        response.Status = 200;
                        response.Body = page.ToUtf8();
                        response.BodyShape = "valid page echoing the NextToken it was given";
                    }
                    else
                    {
                        response.Body = ValidTree(r, world, request, allowToken: true, out string shape).ToUtf8();
                        response.BodyShape = shape + " with a random status";
                    }

                    break;
                }
            }
        }

        if (r.Next(100) < 35)
        {
            AddHeaders(r, response);
        }

        if (r.Next(100) < 12)
        {
            BreakDelivery(r, world, response);
        }

        return response;
    }

    private static string Pick(Random r)
    {
        int n = r.Next(FaultWeight);
        foreach (var (name, weight) in Faults)
        {
            if (n < weight)
            {
                return name;
            }

            n -= weight;
        }

        return Faults[0].Name;
    }

    private static int AnyStatus(Random r) => r.Next(10) switch
    {
        < 6 => ErrorStatuses[r.Next(ErrorStatuses.Length)],
        < 8 => SuccessStatuses[r.Next(SuccessStatuses.Length)],
        _ => OddStatuses[r.Next(OddStatuses.Length)],
    };

    private static void AddHeaders(Random r, FuzzResponse response)
    {
        if (r.Next(2) == 0)
        {
            string id = r.Next(8) == 0 ? new string('r', 9000) : RequestIds[r.Next(RequestIds.Length)];
            response.Headers.Add(new("x-acs-request-id", id));
        }

        if (r.Next(2) == 0)
        {
            response.Headers.Add(new("x-acs-retry-after", AcsRetryAfter[r.Next(AcsRetryAfter.Length)]));
            if (r.Next(6) == 0)
            {
                response.Headers.Add(new("x-acs-retry-after", AcsRetryAfter[r.Next(AcsRetryAfter.Length)]));
            }
        }

        if (r.Next(2) == 0)
        {
            response.Headers.Add(new("Retry-After", RetryAfter[r.Next(RetryAfter.Length)]));
        }
    }

    private static void BreakDelivery(Random r, FuzzWorld world, FuzzResponse response)
    {
        int length = response.Body.Length;
        int choice = r.Next(world.Stalls ? 8 : 6);
        response.FaultOffset = length == 0 ? 0 : r.Next(length + 1);
        switch (choice)
        {
            case 0:
                response.Delivery = Delivery.Undeclared;
                break;
            case 1:
                response.Delivery = Delivery.Trickle;
                break;
            case 2:
            {
                long[] lies = { 0, 1, Math.Max(0, length - 1), length + 1, (length * 2L) + 100, ResponseReader.MaxErrorBodyBytes + 1L, ResponseReader.MaxSuccessBodyBytes + 1L, int.MaxValue, long.MaxValue };
                response.Delivery = Delivery.LyingLength;
                response.DeclaredLength = lies[r.Next(lies.Length)];
                if (response.DeclaredLength == length)
                {
                    response.DeclaredLength++;
                }

                break;
            }

            case 3:
            case 4:
                response.Delivery = Delivery.ThrowMidBody;
                response.Fault = (FaultKind)r.Next((int)FaultKind.ForeignTaskCanceled);
                response.NoContent = false;
                break;
            case 5:
            {
                FaultKind[] before = { FaultKind.HttpRequestException, FaultKind.HttpRequestException, FaultKind.IOException, FaultKind.ForeignTaskCanceled, FaultKind.InvalidOperationException };
                response.Delivery = Delivery.ThrowBeforeHeaders;
                response.Fault = before[r.Next(before.Length)];
                break;
            }

            case 6:
                response.Delivery = Delivery.StallMidBody;
                response.NoContent = false;
                break;
            default:
                response.Delivery = Delivery.StallBeforeHeaders;
                break;
        }
    }

    /// <summary>Applies one to three tree mutations; returns what was done, by path.</summary>
    private static string Mutate(Random r, JObj root)
    {
        var done = new List<string>();
        int count = 1 + r.Next(3);
        for (int n = 0; n < count; n++)
        {
            var slots = new List<(JNode Container, int Index, string Path)>();
            Collect(root, "$", slots, 0);
            int op = r.Next(11);
            if (op == 9)
            {
                done.Add(NullInArray(r, root, slots));
                continue;
            }

            if (slots.Count == 0)
            {
                root.Add("ActivationList", new JArr(JLit.Null()));
                done.Add("add ActivationList:[null]");
                continue;
            }

            var (container, index, path) = slots[r.Next(slots.Count)];
            JNode current = Get(container, index);
            switch (op)
            {
                case 0:
                    Remove(container, index);
                    done.Add("delete " + path);
                    break;
                case 1:
                    Set(container, index, JLit.Null());
                    done.Add("null " + path);
                    break;
                case 2:
                case 3:
                {
                    JNode value = RandomValue(r, out string kind);
                    Set(container, index, value);
                    done.Add($"{path}={kind}");
                    break;
                }

                case 4:
                    if (container is JObj obj)
                    {
                        string key = obj.Props[index].RawKey;
                        JNode second = r.Next(2) == 0 ? current.Clone() : RandomValue(r, out _);
                        if (r.Next(3) == 0)
                        {
                            key = key.ToLowerInvariant(); // the same property in another case
                        }

                        obj.Props.Insert(index + (r.Next(2) == 0 ? 1 : 0), (key, second));
                        done.Add("duplicate " + path);
                    }
                    else
                    {
                        ((JArr)container).Items.Insert(index, current.Clone());
                        done.Add("repeat " + path);
                    }

                    break;
                case 5:
                case 6:
                    done.Add(PlantSurrogate(r, container, index, current, path));
                    break;
                case 7:
                    Set(container, index, new JLit(Nest(r.Next(2) == 0 ? "[" : "{\"a\":", r.Next(2) == 0 ? "]" : "}", r.Next(60, 2000), "1")));
                    done.Add("deep " + path);
                    break;
                case 8:
                    Set(container, index, new JLit(HugeNumber(r)));
                    done.Add("huge number at " + path);
                    break;
                default:
                    if (container is JObj keyed)
                    {
                        string[] odd = { "\"\"", "\"\\ud800\"", "\"activationlist\"", "\"ACTIVATION\"", "\"Activation\\u0000\"" };
                        keyed.Props[index] = (odd[r.Next(odd.Length)], current);
                        done.Add("rename key " + path);
                    }
                    else
                    {
                        Remove(container, index);
                        done.Add("delete " + path);
                    }

                    break;
            }
        }

        return string.Join(", ", done);
    }

    /// <summary>A null (or a non-object) inside an array of the body; the documented arrays are ActivationList and Tags.</summary>
    private static string NullInArray(Random r, JObj root, List<(JNode Container, int Index, string Path)> slots)
    {
        var arrays = slots.Where(s => Get(s.Container, s.Index) is JArr).ToList();
        JNode[] intruders = { JLit.Null(), JLit.Null(), JLit.Null(), JLit.Num(1), JLit.Str("x"), new JArr(), JLit.Bool(true) };
        JNode intruder = intruders[r.Next(intruders.Length)];
        if (arrays.Count == 0)
        {
            string name = r.Next(2) == 0 ? "ActivationList" : "Tags";
            root.Add(name, new JArr(intruder));
            return $"add {name}:[{intruder}]";
        }

        var (container, index, path) = arrays[r.Next(arrays.Count)];
        var array = (JArr)Get(container, index);
        array.Items.Insert(r.Next(array.Items.Count + 1), intruder);
        return $"{intruder} in {path}";
    }

    private static string PlantSurrogate(Random r, JNode container, int index, JNode current, string path)
    {
        string[] escapes = { "\\ud800", "\\udc00", "\\udfff", "\\ud800\\ud800", "\\udc00\\ud800" };
        string escape = escapes[r.Next(escapes.Length)];
        if (current is JLit { IsString: true } literal && literal.Raw.Length >= 2)
        {
            int at = 1 + r.Next(literal.Raw.Length - 1);
            while (at > 1 && literal.Raw[at - 1] == '\\')
            {
                at--; // never split an escape
            }

            Set(container, index, new JLit(literal.Raw.Insert(at, escape)));
            return $"lone surrogate {escape} inside {path}";
        }

        Set(container, index, new JLit("\"" + escape + "\""));
        return $"{path}=\"{escape}\"";
    }

    private static void Collect(JNode node, string path, List<(JNode, int, string)> slots, int depth)
    {
        if (depth > 6)
        {
            return;
        }

        if (node is JObj obj)
        {
            for (int i = 0; i < obj.Props.Count; i++)
            {
                string p = path + "." + obj.Props[i].RawKey.Trim('"');
                slots.Add((obj, i, p));
                Collect(obj.Props[i].Value, p, slots, depth + 1);
            }
        }
        else if (node is JArr arr)
        {
            for (int i = 0; i < arr.Items.Count; i++)
            {
                string p = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                slots.Add((arr, i, p));
                Collect(arr.Items[i], p, slots, depth + 1);
            }
        }
    }

    private static JNode Get(JNode container, int index) => container is JObj o ? o.Props[index].Value : ((JArr)container).Items[index];

    private static void Set(JNode container, int index, JNode value)
    {
        if (container is JObj o)
        {
            o.Props[index] = (o.Props[index].RawKey, value);
        }
        else
        {
            ((JArr)container).Items[index] = value;
        }
    }

    private static void Remove(JNode container, int index)
    {
        if (container is JObj o)
        {
            o.Props.RemoveAt(index);
        }
        else
        {
            ((JArr)container).Items.RemoveAt(index);
        }
    }

    private static JNode RandomValue(Random r, out string kind)
    {
        switch (r.Next(6))
        {
            case 0:
            {
                string[] numbers = { "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999", "-0", "2147483648", "-2147483649", "9223372036854775808", "1E2", "0.0000001" };
                string n = numbers[r.Next(numbers.Length)];
                kind = n;
                return new JLit(n);
            }

            case 1:
            {
                string[] strings = { string.Empty, "x", "1", "true", "True", "-1", "1e3", "2021-13-45T99:99:99Z", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "\u0013", "null" };
                string s = strings[r.Next(strings.Length)];
                kind = "\"" + FuzzResponse.Printable(s, 30) + "\"";
                return JLit.Str(s);
            }

            case 2:
                kind = "bool";
                return JLit.Bool(r.Next(2) == 0);
            case 3:
            {
                JNode o = r.Next(2) == 0 ? new JObj() : new JObj().Add("a", JLit.Num(1)).Add("Tags", new JArr(JLit.Null()));
                kind = o.ToString();
                return o;
            }

            case 4:
            {
                JNode a = r.Next(3) switch { 0 => new JArr(), 1 => new JArr(JLit.Null()), _ => new JArr(JLit.Num(1), JLit.Str("x"), new JObj()) };
                kind = a.ToString();
                return a;
            }

            default:
                kind = "null";
                return JLit.Null();
        }
    }

    private static byte[] MutateBytes(Random r, string json, out string what)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        switch (r.Next(8))
        {
            case 0:
            {
                // Invalid UTF-8 inside a string value: just after an opening quote.
                byte[][] bad = { new byte[] { 0xFF }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 } };
                byte[] insert = bad[r.Next(bad.Length)];
                int at = QuotePosition(r, bytes);
                what = $"invalid UTF-8 ({Convert.ToHexString(insert)}) at {at}";
                return Splice(bytes, at, insert);
            }

            case 1:
                what = "UTF-8 BOM first";
                return Splice(bytes, 0, new byte[] { 0xEF, 0xBB, 0xBF });
            case 2:
            {
                int at = r.Next(bytes.Length + 1);
                what = $"NUL at {at}";
                return Splice(bytes, at, new byte[] { 0 });
            }

            case 3:
            {
                string[] tails = { "}", "{}", " x", "\n{\"RequestId\":\"2\"}", ",", "\u0000" };
                string tail = tails[r.Next(tails.Length)];
                what = "trailing " + FuzzResponse.Printable(tail, 20);
                return Splice(bytes, bytes.Length, Encoding.UTF8.GetBytes(tail));
            }

            case 4:
                what = "comment first";
                return Splice(bytes, 0, Encoding.UTF8.GetBytes("/* c */"));
            case 5:
                what = "trailing comma";
                return Encoding.UTF8.GetBytes(json.Substring(0, json.Length - 1) + ",}");
            case 6:
                what = "UTF-16LE" + (r.Next(2) == 0 ? " with BOM" : string.Empty);
                return what.EndsWith("BOM", StringComparison.Ordinal) ? Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray() : Encoding.Unicode.GetBytes(json);
            default:
            {
                int at = QuotePosition(r, bytes);
                what = $"raw control character at {at}";
                return Splice(bytes, at, new byte[] { 0x13 });
            }
        }
    }

    private static int QuotePosition(Random r, byte[] bytes)
    {
        var quotes = new List<int>();
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                quotes.Add(i + 1);
            }
        }

        return quotes.Count == 0 ? r.Next(bytes.Length + 1) : quotes[r.Next(quotes.Count)];
    }

    private static byte[] Splice(byte[] bytes, int at, byte[] insert)
    {
        var result = new byte[bytes.Length + insert.Length];
        Buffer.BlockCopy(bytes, 0, result, 0, at);
        Buffer.BlockCopy(insert, 0, result, at, insert.Length);
        Buffer.BlockCopy(bytes, at, result, at + insert.Length, bytes.Length - at);
        return result;
    }

    private static byte[] RandomBytes(Random r, out string kind)
    {
        int length = r.Next(0, 3000);
        var bytes = new byte[length];
        switch (r.Next(4))
        {
            case 0:
                r.NextBytes(bytes);
                kind = "any";
                break;
            case 1:
                for (int i = 0; i < length; i++)
                {
                    bytes[i] = (byte)r.Next(0x20, 0x7F);
                }

                kind = "printable ASCII";
                break;
            case 2:
                r.NextBytes(bytes);
                if (length > 0)
                {
                    bytes[0] = (byte)'{';
                }

                kind = "'{' then any";
                break;
            default:
                r.NextBytes(bytes);
                if (length > 0)
                {
                    bytes[0] = (byte)'<';
                }

                kind = "'<' then any";
                break;
        }

        return bytes;
    }

    private static void LoneSurrogate(Random r, FuzzWorld world, FuzzRequest request, FuzzResponse response)
    {
        string[] small =
        {
            "{\"\":\"\\ud800\"}", "{\"Code\":\"\\ud800\",\"Message\":\"m\"}", "{\"Code\":\"X\",\"Message\":\"\\udc00\"}",
            "{\"RequestId\":\"\\ud800\",\"Code\":\"X\"}", "{\"\\ud800\":1}", "{\"Code\":\"Throttling\\ud800\"}",
            "{\"HostId\":\"\\udfff\\ud800\",\"Code\":\"InternalError\"}", "{\"Recommend\":\"\\ud800\",\"Message\":\"m\"}",
        };
        if (r.Next(3) == 0)
        {
            JObj tree = ValidTree(r, world, request, allowToken: true, out string shape);
            var slots = new List<(JNode Container, int Index, string Path)>();
            Collect(tree, "$", slots, 0);
            var strings = slots.Where(s => Get(s.Container, s.Index) is JLit { IsString: true }).ToList();
            var (container, index, path) = strings[r.Next(strings.Count)];
            string what = PlantSurrogate(r, container, index, Get(container, index), path);
            response.Body = tree.ToUtf8();
            response.Status = r.Next(2) == 0 ? 200 : response.Status;
            response.BodyShape = $"{shape}, {what}";
            return;
        }

        string body = small[r.Next(small.Length)];
        response.Body = Encoding.UTF8.GetBytes(body);
        response.Status = r.Next(5) == 0 ? 200 : ErrorStatuses[r.Next(ErrorStatuses.Length)];
        response.BodyShape = "lone surrogate: " + body;
    }

    private static string DeepNesting(Random r, out string what)
    {
        int[] depths = { 63, 64, 65, 1000, 10_000 };
        int depth = depths[r.Next(depths.Length)];
        switch (r.Next(4))
        {
            case 0:
                depth = r.Next(2) == 0 ? depth : 100_000;
                what = $"[ x{depth} (unclosed)";
                return new string('[', depth);
            case 1:
                what = $"[...] x{depth}";
                return Nest("[", "]", depth, "1");
            case 2:
                what = $"{{\"a\": x{depth}";
                return Nest("{\"a\":", "}", depth, "1");
            default:
                what = $"Activation/Code nested x{depth}";
                return "{\"Code\":\"X\",\"Activation\":" + Nest("{\"Activation\":", "}", depth, "{}") + "}";
        }
    }

    private static string Nest(string open, string close, int depth, string inner)
    {
        var sb = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        for (int i = 0; i < depth; i++)
        {
            sb.Append(open);
        }

        sb.Append(inner);
        for (int i = 0; i < depth; i++)
        {
            sb.Append(close);
        }

        return sb.ToString();
    }

    private static string HugeNumber(Random r)
    {
        string[] numbers = { "1e999999", "99999999999999999999999999", "-9223372036854775809", "1e400", "0." + new string('0', 5000) + "1" };
        return r.Next(6) == 0 ? new string('9', 10_000) : numbers[r.Next(numbers.Length)];
    }

    private static string HugeNumbers(Random r, out string what)
    {
        string n = HugeNumber(r);
        what = n.Length > 30 ? $"{n.Length}-char number" : n;
        return r.Next(5) switch
        {
            0 => "{\"TotalCount\":" + n + ",\"ActivationList\":[]}",
            1 => "{\"PageNumber\":" + n + ",\"PageSize\":" + n + "}",
            2 => "{\"RequestId\":\"r\",\"Activation\":{\"ActivationId\":\"a\",\"InstanceCount\":" + n + ",\"TimeToLiveInHours\":" + n + "}}",
            3 => "{\"Code\":" + n + ",\"Message\":" + n + "}",
            _ => "{\"ActivationId\":" + n + ",\"ActivationCode\":" + n + "}",
        };
    }

    private static string Xml(Random r, FuzzRequest request, out string what)
    {
        const string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        switch (r.Next(11))
        {
            case 0:
            case 1:
                what = "documented error";
                return decl + "<Error><RequestId>REQ-X</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>" +
                       DocumentedBodies.ErrorCodes[r.Next(5)] + "</Code><Message>m</Message><Recommend>https://x</Recommend></Error>";
            case 2:
                what = "success-shaped Create";
                return decl + "<CreateActivationResponse><RequestId>R</RequestId><ActivationId>act-x</ActivationId><ActivationCode>" +
                       DocumentedBodies.ActivationCodeCanary + "</ActivationCode></CreateActivationResponse>";
            case 3:
                what = "DTD with entity";
                return "<!DOCTYPE Error [<!ENTITY x \"y\">]><Error><Code>&x;</Code><Message>m</Message></Error>";
            case 4:
                what = "lone surrogate character reference";
                return "<Error><Code>&#xD800;</Code><Message>m</Message></Error>";
            case 5:
                what = "element inside Code";
                return "<Error><Code><b>x</b></Code><Message>m</Message></Error>";
            case 6:
                what = "unclosed";
                return "<Error><Code>InternalError</Code>";
            case 7:
                what = "nested x10000";
                return Nest("<a>", "</a>", 10_000, "<Code>X</Code>");
            case 8:
                what = "NUL character reference";
                return "<Error><Code>&#x0;</Code><Message>m</Message></Error>";
            case 9:
                what = "declares utf-16";
                return "<?xml version=\"1.0\" encoding=\"utf-16\"?><Error><Code>InternalError</Code><Message>m</Message></Error>";
            default:
                what = "namespaced " + request.Action;
                return "<e:Error xmlns:e=\"urn:x\"><e:Code>Throttling.User</e:Code><e:Message>m</e:Message><Code>Dup</Code></e:Error>";
        }
    }

    private static string Html(Random r, out string what)
    {
        switch (r.Next(3))
        {
            case 0:
                what = "nginx 502 page";
                return "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
            case 1:
                what = "page mentioning Code";
                return "<!DOCTYPE html><html><body><p>Code: InternalError</p><p>Message: busy</p>" + new string(' ', r.Next(0, 70_000)) + "</body></html>";
            default:
                what = "unclosed page";
                return "<html><body>" + new string('x', r.Next(0, 500));
        }
    }

    /// <summary>Rare: bodies around and above the client's caps (4 MiB success, 64 KiB error), with and without a declared length.</summary>
    private static void MultiMegabyte(Random r, FuzzWorld world, FuzzRequest request, FuzzResponse response)
    {
        int[] sizes = { ResponseReader.MaxSuccessBodyBytes - 1, ResponseReader.MaxSuccessBodyBytes, ResponseReader.MaxSuccessBodyBytes + 1, 6 * 1024 * 1024, ResponseReader.MaxErrorBodyBytes + 1, 1024 * 1024 };
        int size = sizes[r.Next(sizes.Length)];
        bool error = r.Next(2) == 0;
        string head = error
            ? "{\"Code\":\"InternalError\",\"Message\":\"big\",\"Pad\":\""
            : WithoutLastChar(ValidTree(r, world, request, allowToken: false, out _).ToString()) + ",\"Pad\":\"";
        const string tail = "\"}";
        var body = new byte[Math.Max(size, head.Length + tail.Length)];
        int at = Encoding.UTF8.GetBytes(head, body);
        body.AsSpan(at, body.Length - at - tail.Length).Fill((byte)'p');
        Encoding.UTF8.GetBytes(tail, body.AsSpan(body.Length - tail.Length));
        response.Body = body;
        response.Status = error ? ErrorStatuses[r.Next(ErrorStatuses.Length)] : 200;
        response.ContentType = "application/json";
        response.BodyShape = $"multi-megabyte {(error ? "error" : request.Action)} body";
        if (r.Next(2) == 0)
        {
            response.Delivery = Delivery.Undeclared;
        }
    }

    private static string WithoutLastChar(string json) => json.Substring(0, json.Length - 1);
}
