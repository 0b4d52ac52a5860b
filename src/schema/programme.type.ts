import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProgrammeSettings', { description: 'The configuration the programme works under (set for the whole API at start-up). Not personal data.' })
export class ProgrammeSettingsType {
  @Field(() => Int, { description: 'Years without activity after which a child’s file is archived (RETENTION_ACTIVE_YEARS).' })
  retentionActiveYears!: number;

  @Field(() => Int, { description: 'Years after archiving after which a file is anonymised (RETENTION_ARCHIVE_YEARS).' })
  retentionArchiveYears!: number;

  @Field(() => Int, { description: 'Months the access log is kept (ACCESS_LOG_RETENTION_MONTHS).' })
  accessLogRetentionMonths!: number;

  @Field(() => Int, { description: 'The smallest count the statistics publish (STATISTICS_THRESHOLD).' })
  statisticsThreshold!: number;

  @Field(() => Int, { description: 'Hours an invitation (portal or staff account) may be used (INVITATION_LIFETIME_HOURS).' })
  invitationLifetimeHours!: number;
}

@ObjectType('Programme', {
  description: "A programme (one Caisse des écoles, one commune): the tenant of every row. The viewer's own only. Not personal data.",
})
export class ProgrammeType {
  @Field({ description: 'Name of the programme.' })
  name!: string;

  @Field({ description: 'INSEE code of the commune (5 characters).' })
  inseeCode!: string;

  @Field(() => ProgrammeSettingsType, { description: 'The settings in force.' })
  settings!: ProgrammeSettingsType;
}
