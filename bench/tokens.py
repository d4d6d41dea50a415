#!/usr/bin/env python3
"""Turns bench/pairs.sql's output (subject|email|student_id|timeslot_id) into wrk's pairs
(token|student_id|timeslot_id): each parent's backend token, signed as the application signs it
(HS256 with JWT_SECRET, issuer cedar-heights, two hours, a proven address, a session of its own), minted once
before the run.
Usage: tokens.py JWT_SECRET SCHOOL_SLUG < pairs > tokens"""
import base64, hashlib, hmac, json, random, sys, time, uuid

def encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

secret, school = sys.argv[1].encode(), sys.argv[2]
now = int(time.time())
header = encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
lines = [line.strip().split("|") for line in sys.stdin if line.strip()]
random.shuffle(lines)
for subject, email, student, slot in lines:
    claims = encode(json.dumps({"iss": "cedar-heights", "sub": subject, "email": email, "role": "parent",
                                "school": school, "iat": now, "exp": now + 7200, "email_verified": True,
                                "sid": str(uuid.uuid4()), "auth_time": now, "gen": 1, "idp": "password"},
                               separators=(",", ":")).encode())
    signature = encode(hmac.new(secret, f"{header}.{claims}".encode(), hashlib.sha256).digest())
    print(f"{header}.{claims}.{signature}|{student}|{slot}")
