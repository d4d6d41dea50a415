-- Who answers for the school's handling of personal information (PIPEDA's designated individual; Law 25's person in
-- charge, by default the head of the organisation): named on the school's privacy page, reached at its contact address.
alter table schools add column privacy_officer text check (length(privacy_officer) <= 200);
