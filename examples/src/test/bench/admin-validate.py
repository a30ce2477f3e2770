"""What an admin might write instead of the CLI's validate: the CLI benchmark's other baseline (-Dbench.script=true).

Reads both PowerShell exports with Python's csv module, keys the cloud users by OnPremisesImmutableId in a dict,
hard-matches each on-prem user's ObjectGUID (as an ImmutableID), and writes one CSV row per user, cloud-only users
included. One rule, no checks: a yardstick, not a validation. Usage: admin-validate.py ONPREM.csv CLOUD.csv OUT.csv
"""
import base64
import csv
import sys
import uuid


def immutable_id(guid):
    return base64.b64encode(uuid.UUID(guid).bytes_le).decode("ascii")


def main(on_prem_file, cloud_file, out_file):
    cloud = {}
    with open(cloud_file, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["OnPremisesImmutableId"]:
                cloud[row["OnPremisesImmutableId"]] = row
    matched = set()
    with open(on_prem_file, newline="", encoding="utf-8-sig") as f, \
            open(out_file, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Side", "Outcome", "UserPrincipalName", "DistinguishedName", "ObjectGUID",
                         "ExpectedImmutableId", "CloudId", "CloudUserPrincipalName"])
        for row in csv.DictReader(f):
            anchor = immutable_id(row["ObjectGUID"])
            match = cloud.get(anchor)
            if match:
                matched.add(anchor)
                writer.writerow(["ON_PREM", "MATCHED", row["UserPrincipalName"], row["DistinguishedName"],
                                 row["ObjectGUID"], anchor, match["Id"], match["UserPrincipalName"]])
            else:
                writer.writerow(["ON_PREM", "ONPREM_ONLY", row["UserPrincipalName"], row["DistinguishedName"],
                                 row["ObjectGUID"], anchor, "", ""])
        for anchor, row in cloud.items():
            if anchor not in matched:
                writer.writerow(["CLOUD", "CLOUD_ONLY", row["UserPrincipalName"], "", "", "", row["Id"], ""])
    print("script %d" % len(matched))


if __name__ == "__main__":
    main(*sys.argv[1:4])
